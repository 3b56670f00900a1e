using System.Reflection;

namespace KitchenWorkflows.Server.Startup;

/// <summary>
/// The server's content root (where appsettings.json and the Studio's files are read from): the folder the server was
/// built or published into, whatever the working directory, unless <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>
/// names another. ASP.NET's default is the working directory, so a server started from elsewhere silently ran without
/// its shipped settings.
/// </summary>
internal static class ContentRoot
{
    /// <summary>The folder to use, or null to leave ASP.NET's choice (configured, or a host that is not this program, such as the tests' factory).</summary>
    public static string? Of(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        return configured || Assembly.GetEntryAssembly() != typeof(ContentRoot).Assembly ? null : AppContext.BaseDirectory;
    }
}

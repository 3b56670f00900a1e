using Microsoft.AspNetCore.Hosting;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>The same server in Production, where the Studio asks for sign-in; its first admin comes from configuration.</summary>
public sealed class ProductionStudioServerFixture : StudioServerFixture
{
    public const string AdminUserName = "ops-admin";
    public const string AdminPassword = "Kitchen-Lab-2026!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Auth:InitialAdmin:UserName", AdminUserName);
        builder.UseSetting("Auth:InitialAdmin:Password", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

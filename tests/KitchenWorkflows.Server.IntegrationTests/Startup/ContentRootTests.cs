using System.Diagnostics;

namespace KitchenWorkflows.Server.IntegrationTests.Startup;

/// <summary>
/// Started from another working directory, the server still reads its shipped appsettings.json (seen here in its log
/// format: the shipped file asks for JSON lines in Production; without it the console logger writes plain text).
/// </summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Start_FromAnotherWorkingDirectory_ReadsTheShippedSettings()
    {
        var elsewhere = Directory.CreateTempSubdirectory("kw-cwd-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KitchenWorkflows.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{LoopbackPort.Free()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = Path.Combine(elsewhere, "data");
        start.Environment["Workflows__Folder"] = Path.Combine(elsewhere, "workflows");
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);

            Assert.NotNull(first);
            Assert.StartsWith("{", first, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}

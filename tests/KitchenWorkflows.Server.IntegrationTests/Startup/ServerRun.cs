using System.Diagnostics;

namespace KitchenWorkflows.Server.IntegrationTests.Startup;

/// <summary>
/// One run of the real server process (<c>dotnet KitchenWorkflows.Server.dll</c>) to its exit, its standard output and
/// standard error kept apart: what an operator sees when a start fails. It listens on a port the system picks, should it
/// get that far.
/// </summary>
internal static class ServerRun
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit code {ExitCode}\nstderr:\n{StandardError}\nstdout:\n{StandardOutput}";
    }

    public static async Task<Result> UntilExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KitchenWorkflows.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server did not exit within {deadline}; it should have refused to start.\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}

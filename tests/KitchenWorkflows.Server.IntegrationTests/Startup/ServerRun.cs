using System.Diagnostics;

namespace KitchenWorkflows.Server.IntegrationTests.Startup;

/// <summary>
/// One run of the real server process (<c>dotnet KitchenWorkflows.Server.dll</c>) to its exit, its standard output and
/// standard error kept apart: what an operator sees when a start fails, or when a command of the program ends.
/// </summary>
internal static class ServerRun
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit code {ExitCode}\nstderr:\n{StandardError}\nstdout:\n{StandardOutput}";
    }

    /// <summary>A start that should fail: the server on a port the system picks, should it get that far, to its exit.</summary>
    public static Task<Result> UntilExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan deadline) =>
        RunAsync(["--urls", "http://127.0.0.1:0"], settings, deadline);

    /// <summary>The server's program with <paramref name="arguments"/> (a start, or a command such as <c>keys list</c>), to its exit.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KitchenWorkflows.Server.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
            throw new TimeoutException($"The server did not exit within {deadline}.\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}

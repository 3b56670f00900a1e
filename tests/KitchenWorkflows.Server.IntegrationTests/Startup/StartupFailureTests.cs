using System.Net;
using System.Net.Sockets;

namespace KitchenWorkflows.Server.IntegrationTests.Startup;

/// <summary>
/// A start that cannot succeed for a reason the operator can fix ends with one line on standard error saying what is
/// wrong and what to do, and exit code 1: no unhandled-exception trace, on either stream.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kw-startup-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task UnknownStorageProvider_NamesTheSettingAndTheChoices()
    {
        var line = await RefusedAsync(new() { ["Storage__Provider"] = "Mongo" });

        Assert.Equal("The setting Storage:Provider (Storage__Provider) is 'Mongo', which is not one of Sqlite, PostgreSql. Fix it and start again.", line);
    }

    [Fact]
    public async Task SettingThatIsNotANumber_NamesTheSetting()
    {
        var line = await RefusedAsync(new() { ["Runtime__PollInterval"] = "soon" });

        Assert.Equal("The setting Runtime:PollInterval (Runtime__PollInterval) is 'soon', which is not a TimeSpan. Fix it and start again.", line);
    }

    [Fact]
    public async Task OptionsValidationFailure_NamesTheRule()
    {
        var line = await RefusedAsync(new() { ["Limits__MaxJsonDepth"] = "3" });

        Assert.StartsWith("Invalid settings: ", line, StringComparison.Ordinal);
        Assert.Contains("The field MaxJsonDepth must be between 8 and 256.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedConnectionString_IsNamed_WithoutItsPassword()
    {
        var line = await RefusedAsync(new()
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = "Host=db;Password=hunter2-secret;Database",
        });

        Assert.StartsWith("ConnectionStrings__PostgreSql is not a valid PostgreSQL connection string (", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachablePostgreSql_SaysWhereItLooked()
    {
        var port = ClosedPort();
        var line = await RefusedAsync(new()
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = $"Host=127.0.0.1;Port={port};Database=kw;Username=kw;Password=kw;Timeout=5",
        });

        Assert.Equal(
            $"PostgreSQL cannot be used: Failed to connect to 127.0.0.1:{port}. Start it, or fix ConnectionStrings__PostgreSql (host, port, database, user, password).",
            line);
    }

    [Fact]
    public async Task DataFolderThatCannotBeCreated_IsNamed()
    {
        // A folder below a plain file cannot be created, even by root (who may write anywhere else).
        var file = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(file, "");
        var folder = Path.Combine(file, "data");

        var line = await RefusedAsync(new() { ["Storage__DataDirectory"] = folder });

        Assert.StartsWith($"Cannot create or write the SQLite data folder '{folder}' (", line, StringComparison.Ordinal);
        Assert.EndsWith("point Storage__DataDirectory at a folder it may write, and start again.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondServerOnTheSameSqliteFolder_IsRefusedWithTheReason()
    {
        using var first = new ServerProcess([]);
        await first.StartAsync(Deadline);

        var line = await RefusedAsync(new() { ["Storage__DataDirectory"] = Path.Combine(first.Root, "data") });

        Assert.Contains("is in use by another KitchenWorkflows server process", line, StringComparison.Ordinal);
        Assert.EndsWith("Stop the other process, or give this one another Storage__DataDirectory.", line, StringComparison.Ordinal);
        Assert.True(first.IsRunning);
    }

    [Fact]
    public async Task AddressInUse_IsNamedWithWhatToDo()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        // Kestrel's endpoint setting wins over the --urls the run passes.
        var run = await ServerRun.UntilExitAsync(new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = address,
            ["Storage__DataDirectory"] = Path.Combine(_root, "data"),
            ["Workflows__Folder"] = Directory.CreateDirectory(Path.Combine(_root, "workflows")).FullName,
        }, Deadline);

        // The host logs the failure on standard output as it happens; what the operator reads last is the one line.
        Assert.True(run.ExitCode == 1, $"Expected exit code 1.\n{run}");
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"Failed to bind to address {address}: address already in use.", line, StringComparison.Ordinal);
        Assert.EndsWith("give this server a free address with --urls (under dotnet run: -- --urls).", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Runs the server with <paramref name="settings"/> (and a data folder of its own unless they name one); returns its one line.</summary>
    private async Task<string> RefusedAsync(Dictionary<string, string> settings)
    {
        settings.TryAdd("Storage__DataDirectory", Path.Combine(_root, "data"));
        settings["Workflows__Folder"] = Directory.CreateDirectory(Path.Combine(_root, "workflows")).FullName;

        var run = await ServerRun.UntilExitAsync(settings, Deadline);

        Assert.True(run.ExitCode == 1, $"Expected exit code 1.\n{run}");
        Assert.True(run.ErrorLines.Length == 1, $"Expected one line on stderr.\n{run}");
        Assert.DoesNotContain("Unhandled exception", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
        return run.ErrorLines[0];
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// The real server as a separate OS process (<c>dotnet KitchenWorkflows.Server.dll</c> from this test's
/// output folder) on its own SQLite folder and a fixed port, so a test can kill it hard and start it
/// again on the same files. Disposing kills whatever still runs and deletes the folders, unless
/// KW_CRASH_KEEP_FILES is set (then the data and the full server log, server.log, stay for a post-mortem).
/// Several may run at once against one PostgreSQL database as the nodes of a cluster (give each its own
/// <c>Runtime__NodeId</c>). The benchmark runs the server the same way.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int LogLines = 400;

    private readonly ConcurrentQueue<string> _log = new();
    private readonly Lock _logFile = new();
    private readonly Dictionary<string, string> _environment;
    private readonly string _serverDll;
    private Process? _process;
    private int _life;

    /// <param name="workflowFiles">Workflow JSON files (names in this test's <c>Workflows</c> output folder) imported at start-up.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>Section__Key</c>).</param>
    /// <param name="serverDll">The server to run; by default the build next to the tests.</param>
    public ServerProcess(IEnumerable<string> workflowFiles, IReadOnlyDictionary<string, string>? settings = null, string? serverDll = null)
    {
        _serverDll = serverDll ?? Path.Combine(AppContext.BaseDirectory, "KitchenWorkflows.Server.dll");
        Root = Path.Combine(Path.GetTempPath(), "kw-crash-" + Guid.NewGuid().ToString("N"));
        var workflows = Directory.CreateDirectory(Path.Combine(Root, "workflows")).FullName;
        foreach (var file in workflowFiles)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Workflows", file), Path.Combine(workflows, file));
        }

        Port = LoopbackPort.Free();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "Sqlite",
            ["Storage__DataDirectory"] = Path.Combine(Root, "data"),
            ["Workflows__Folder"] = workflows,
            ["Runtime__PollInterval"] = "00:00:00.200",
            ["Hangfire__SchedulePollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            ["Auth__BootstrapAdminKey"] = AdminKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        ClientHeaders[TestKeys.Header] = AdminKey;
    }

    /// <summary>The name log lines are prefixed with (a node's name when several run).</summary>
    public string Name { get; init; } = "server";

    /// <summary>Headers every client from <see cref="CreateClient"/> (and the readiness probe) sends: the admin key unless changed.</summary>
    public Dictionary<string, string> ClientHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The temp folder holding the data and workflows folders.</summary>
    public string Root { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The admin key the server creates at first start.</summary>
    public string AdminKey { get; } = TestKeys.NewAdminKey();

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The OS process id of the running server.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>A client of this server's API that sends <see cref="ClientHeaders"/>.</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        foreach (var (name, value) in ClientHeaders)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }

    /// <summary>Starts the server (again) and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan deadline)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var life = ++_life;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_serverDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Log(life, e.Data);
        process.ErrorDataReceived += (_, e) => Log(life, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = CreateClient(TimeSpan.FromSeconds(5));
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} while starting.\n{LogTail()}");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (until.Elapsed > deadline)
            {
                throw new TimeoutException($"The server was not ready within {deadline}.\n{LogTail()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Kills the server the way a power cut or the OOM killer would: SIGKILL (Process.Kill sends it on
    /// Unix), no shutdown hooks, no flush. Returns the exit code (137 = 128 + SIGKILL).
    /// </summary>
    public int KillHard()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        var code = process.ExitCode;
        process.Dispose();
        _process = null;
        return code;
    }

    /// <summary>Every line the server wrote so far, every life (the full log, not only the tail).</summary>
    public string[] ReadLog()
    {
        lock (_logFile)
        {
            var path = Path.Combine(Root, "server.log");
            return File.Exists(path) ? File.ReadAllLines(path) : [];
        }
    }

    /// <summary>The last lines the server wrote, every life, for failure messages.</summary>
    public string LogTail() => $"{Name} log (full log: {Path.Combine(Root, "server.log")}):\n" + string.Join('\n', _log);

    public void Dispose()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited in between.
            }

            process.Dispose();
            _process = null;
        }

        if (Environment.GetEnvironmentVariable("KW_CRASH_KEEP_FILES") is not null)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is not worth failing a test for.
        }
    }

    private void Log(int life, string? line)
    {
        if (line is null)
        {
            return;
        }

        line = $"[{Name} life {life}] {line}";
        lock (_logFile)
        {
            File.AppendAllLines(Path.Combine(Root, "server.log"), [line]);
        }

        _log.Enqueue(line);
        while (_log.Count > LogLines && _log.TryDequeue(out _))
        {
        }
    }
}

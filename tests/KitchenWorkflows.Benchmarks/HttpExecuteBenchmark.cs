using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KitchenWorkflows.Testing.Server;
using Npgsql;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// <c>--mode http-execute</c>: HTTP <c>execute</c> requests per second at C concurrent clients. The real
/// server runs as a child process on 127.0.0.1 (ServerProcess, as the crash tests run it), in Production,
/// on SQLite in a temp folder or on a fresh PostgreSQL database. The case workflow is saved and published
/// over the API; each request starts a case that runs to its event wait and is committed before the answer
/// (200, <c>Suspended</c>). A child process rather than the server in this process: the figures then
/// include Kestrel and the loopback sockets a client meets, and the server's CPU and memory are its own.
/// The clients share the machine's cores with the server, as a co-located client would.
/// </summary>
internal static class HttpExecuteBenchmark
{
    private const string DefinitionId = "case-5";

    public static async Task<int> RunAsync(string store, string postgres, int clients, int requests, int warmup, int loops)
    {
        var database = store == "postgresql" ? CreateDatabase(postgres) : null;
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = database is null ? "Sqlite" : "PostgreSql",
            // One key sends every request: the per-caller limit (6,000 a minute by default) would cap the run.
            ["RateLimiting__PermitLimit"] = "10000000",
        };
        if (database is not null)
        {
            settings["ConnectionStrings__PostgreSql"] = database;
        }

        try
        {
            using var server = new ServerProcess([], settings);
            await server.StartAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            foreach (var (name, value) in server.ClientHeaders)
            {
                http.DefaultRequestHeaders.Add(name, value);
            }

            await PublishCaseAsync(http);
            if (loops > 0)
            {
                await LoopsAlongside.PublishAsync(http);
            }

            if (warmup > 0)
            {
                var warm = await RunAsync(http, first: 100_000_000, warmup, clients);
                if (warm.Errors > 0)
                {
                    Console.Error.WriteLine($"warm-up: {warm.Errors} of {warmup} requests failed");
                }
            }

            var serverProcess = Process.GetProcessById(server.ProcessId);
            var cpu0 = serverProcess.TotalProcessorTime;
            long peakRssKb = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakRssKb = Math.Max(peakRssKb, ReadStatusKb(server.ProcessId, "VmRSS:"));
                    try
                    {
                        await Task.Delay(20, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var loopsRun = loops > 0 ? LoopsAlongside.RunAsync(http, loops) : Task.FromResult(Array.Empty<double>());
            var run = await RunAsync(http, first: 0, requests, clients);
            var loopSeconds = await loopsRun;
            var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            await sampling.CancelAsync();
            await sampler;
            serverProcess.Refresh();
            var cpu = serverProcess.TotalProcessorTime - cpu0;
            var hwmKb = ReadStatusKb(server.ProcessId, "VmHWM:");

            var latencies = run.Latencies.Where(l => l > 0).Order().ToArray();
            var ok = latencies.Length;
            var perSecond = ok / run.Wall.TotalSeconds;
            Console.WriteLine($"config: kitchenworkflows http-execute, server child process (Production, 127.0.0.1) on {store}, workflow {DefinitionId} run to its event wait per request, clients {clients}, requests {requests}, warmup {warmup}, cores {Environment.ProcessorCount}, load average {loadBefore} → {loadAfter}");
            Console.WriteLine($"completed {ok}/{requests}, errors {run.Errors}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall {run.Wall.TotalSeconds:F3} s, server cpu {cpu.TotalSeconds:F3} s ({cpu.TotalMilliseconds * 1000 / Math.Max(1, ok):F0} us/request)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency(request->response) ms: p50 {Pct(latencies, 50):F1} p90 {Pct(latencies, 90):F1} p99 {Pct(latencies, 99):F1} max {(ok > 0 ? latencies[^1] : double.NaN):F1}"));
            if (loops > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"alongside: {loops} loops of 10,000 executions each, one after another, {loopSeconds.Min():F2}–{loopSeconds.Max():F2} s each"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server rss: peak in window {peakRssKb / 1024.0:F1} MiB, process VmHWM {hwmKb / 1024.0:F1} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kitchenworkflows http-execute ({store}): {clients} clients, {perSecond:F0} requests/s, p50 {Pct(latencies, 50):F1} ms, p99 {Pct(latencies, 99):F1} ms, peak server RSS {hwmKb / 1024.0:F0} MiB"));
            return run.Errors == 0 && ok == requests ? 0 : 1;
        }
        finally
        {
            if (database is not null)
            {
                DropDatabase(postgres!, database);
            }
        }
    }

    private sealed record Run(double[] Latencies, int Errors, TimeSpan Wall);

    // C clients, each sending its next request as soon as the previous one answered (a closed loop).
    private static async Task<Run> RunAsync(HttpClient http, int first, int count, int clients)
    {
        var latencies = new double[count];
        var errors = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < count)
            {
                var data = Scenario.Make(first + k);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync($"/api/workflow-definitions/{DefinitionId}/execute", new { input = data.ToInput(), correlationId = data.CaseId });
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains("\"subStatus\":\"Suspended\"", StringComparison.Ordinal))
                    {
                        latencies[k] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        continue;
                    }

                    Console.Error.WriteLine($"{data.CaseId}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Console.Error.WriteLine($"{data.CaseId}: {ex.GetType().Name}: {ex.Message}");
                }

                Interlocked.Increment(ref errors);
            }
        })));
        return new Run(latencies, errors, wall.Elapsed);
    }

    private static async Task PublishCaseAsync(HttpClient http)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "case-5.json"));
        using var saved = await http.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        using var published = await http.PostAsync($"/api/workflow-definitions/{DefinitionId}/publish", content: null);
        if (saved.StatusCode != HttpStatusCode.Created || published.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Publishing {DefinitionId} failed: save {(int)saved.StatusCode}, publish {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        }
    }

    // A database of its own, so every run starts on empty tables, dropped afterwards.
    private static string CreateDatabase(string server) => TestPostgres.CreateDatabase(server, "kw_bench_");

    private static void DropDatabase(string server, string database)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static long ReadStatusKb(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static double Pct(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = p / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}

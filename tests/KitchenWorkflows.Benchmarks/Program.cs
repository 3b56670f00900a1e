// Case-5 benchmark of our engine: the same workflow as the WorkflowCore peer (/work/shared/bench/peer-workflowcore),
// defined as an Elsa 3 JSON flowchart (case-5.json), run on the in-memory host.
//   start -> classify (FlowDecision, JavaScript: topic contains "defect") -> Priority high | normal (SetVariable)
//   -> both rejoin at verdict (SetVariable, JavaScript month arithmetic) -> wait Elsa.Event "manager-replied"
//   correlated by case id -> ManagerReply = event payload -> Status = closed -> finish
// Store "memory": InMemoryWorkflowRuntime, which keeps every instance as a serialized snapshot
// (WorkflowStateSerializer) and deserializes it on every resume, as a persistent host does.
// Usage: dotnet KitchenWorkflows.Benchmarks.dll [--n 1000] [--preload N (sqlite, postgresql: N finished and N/10 suspended instances stored first)] [--warmup 200 (memory) | 20000 (sqlite, postgresql)] [--inflight 0(burst)] [--store memory]
//        [--workers 0(default=cores)] [--timeout-s 300]
//        --mode http-execute [--store sqlite|postgresql] [--pg "<connection string>"] [--clients 16] [--n 4000] [--warmup 30000] [--loops K]
//        (HTTP execute requests/s at C concurrent clients against the real server in a child process: HttpExecuteBenchmark.cs)
using System.Diagnostics;
using System.Globalization;
using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Benchmarks;

/// <summary>The peer's scenario, verbatim: the same inputs per index and the same expected values.</summary>
public static class Scenario
{
    public static readonly DateTime AsOf = new(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc);
    static readonly string[] Topics = { "product defect: screen flickers", "billing: double charge", "product defect: battery", "delivery late", "product defect: no power" };

    public static string Classify(string topic) => topic.Contains("defect", StringComparison.Ordinal) ? "warranty" : "general";

    public static int MonthsBetween(DateTime from, DateTime to)
    {
        int m = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (to.Day < from.Day) m--;
        return m;
    }

    public static string Verdict(DateTime purchase, DateTime asOf, bool excluded) =>
        MonthsBetween(purchase, asOf) <= 60 && !excluded ? "covered" : "not-covered";

    public static CaseData Make(int i) => new()
    {
        Index = i,
        CaseId = "case-" + i.ToString(CultureInfo.InvariantCulture),
        Topic = Topics[i % Topics.Length],
        PurchaseDate = AsOf.AddDays(-((int)((i * 37L) % 2600))),   // 0..~85 months back
        AsOf = AsOf,
        Excluded = i % 7 == 0,
    };

    public static (string priority, string verdict) Expected(CaseData d) =>
        (Classify(d.Topic) == "warranty" ? "high" : "normal", Verdict(d.PurchaseDate, d.AsOf, d.Excluded));
}

public sealed class CaseData
{
    public int Index { get; set; }
    public string CaseId { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateTime PurchaseDate { get; set; }
    public DateTime AsOf { get; set; }
    public bool Excluded { get; set; }

    /// <summary>The workflow input: dates cross as ISO dates (yyyy-MM-dd), which the verdict script splits.</summary>
    public Dictionary<string, object?> ToInput() => new(StringComparer.Ordinal)
    {
        ["CaseId"] = CaseId,
        ["Index"] = (long)Index,
        ["Topic"] = Topic,
        ["PurchaseDate"] = PurchaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["AsOf"] = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Excluded"] = Excluded,
    };
}

public static class Program
{
    const string DefinitionId = "case-5";
    const string EventName = "manager-replied";

    static string Arg(string[] a, string name, string def)
    {
        int i = Array.IndexOf(a, name);
        return i >= 0 && i + 1 < a.Length ? a[i + 1] : def;
    }

    static long ReadStatusKb(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line.Substring(key.Length).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return -1;
    }

    static double Pct(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double rank = p / 100.0 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank), hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    sealed class Batch(int first, int count)
    {
        public readonly int First = first;
        public readonly long[] StartTs = new long[count];
        public readonly long[] DoneTs = new long[count];
        public readonly string?[] InstanceIds = new string?[count];
        public int Completed;
        public int Errors;
    }

    public static async Task<int> Main(string[] args)
    {
        int n = int.Parse(Arg(args, "--n", "1000"), CultureInfo.InvariantCulture);
        string mode = Arg(args, "--mode", "case");
        string store = Arg(args, "--store", mode == "http-execute" ? "sqlite" : "memory");
        // The durable host and the server run far more code than the engine alone (the store, ADO.NET, Kestrel, ...),
        // which the JIT keeps re-compiling at higher tiers for the first 10-20 s of load: a short warm-up measured the
        // JIT (30 % of the server's CPU) instead of the product. The memory mode keeps the peer's warm-up.
        int warmup = int.Parse(Arg(args, "--warmup", mode == "http-execute" ? "30000" : store == "memory" ? "200" : "20000"), CultureInfo.InvariantCulture);
        int inflight = int.Parse(Arg(args, "--inflight", "0"), CultureInfo.InvariantCulture);
        int workersArg = int.Parse(Arg(args, "--workers", "0"), CultureInfo.InvariantCulture);
        int timeoutS = int.Parse(Arg(args, "--timeout-s", "300"), CultureInfo.InvariantCulture);
        int preload = int.Parse(Arg(args, "--preload", "0"), CultureInfo.InvariantCulture);
        string postgres = Arg(args, "--pg", Environment.GetEnvironmentVariable("KW_TEST_POSTGRES") ?? "");
        if (store == "postgresql" && postgres.Length == 0)
        {
            Console.Error.WriteLine("--store postgresql needs --pg \"<connection string>\" or KW_TEST_POSTGRES");
            return 2;
        }

        if (mode == "http-execute")
        {
            if (store is not ("sqlite" or "postgresql"))
            {
                Console.Error.WriteLine("--mode http-execute runs the server on --store sqlite (the default) or postgresql");
                return 2;
            }

            return await HttpExecuteBenchmark.RunAsync(store, postgres,
                clients: int.Parse(Arg(args, "--clients", "16"), CultureInfo.InvariantCulture),
                requests: int.Parse(Arg(args, "--n", "4000"), CultureInfo.InvariantCulture),
                warmup: warmup,
                loops: int.Parse(Arg(args, "--loops", "0"), CultureInfo.InvariantCulture));
        }

        if (mode != "case")
        {
            Console.Error.WriteLine($"mode '{mode}' is not supported; use --mode case (the default) or http-execute");
            return 2;
        }

        if (store is not ("memory" or "sqlite" or "postgresql"))
        {
            Console.Error.WriteLine($"store '{store}' is not supported; use --store memory, sqlite or postgresql (with --pg \"<connection string>\")");
            return 2;
        }

        // Burst: every instance is started as fast as the workers go, one worker per core (the engine runs an
        // instance inline in the calling task, so more workers than cores only adds contention).
        // Closed loop: K workers, so K instances are in flight at any time.
        // A durable store waits on commits, so it gets more workers than cores to keep the CPU busy meanwhile.
        int workers = inflight > 0 ? inflight : workersArg > 0 ? workersArg : store == "memory" ? Math.Max(1, Environment.ProcessorCount) : 8;

        var definitionPath = Path.Combine(AppContext.BaseDirectory, "case-5.json");
        var definition = WorkflowDefinitionSerializer.Deserialize(File.ReadAllText(definitionPath));
        var activityCount = definition.Root.Activities.Count;
        await using ICaseHost runtime = store switch
        {
            "sqlite" => await DurableCaseHost.CreateAsync(definition, StorageProvider.Sqlite, null),
            "postgresql" => await DurableCaseHost.CreateAsync(definition, StorageProvider.PostgreSql, postgres),
            _ => new MemoryCaseHost(definition),
        };

        if (preload > 0 && runtime is DurableCaseHost durable)
        {
            await StorePreload.FillAsync(runtime, durable.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), DefinitionId, EventName, preload);
        }

        if (warmup > 0)
        {
            var w = await RunBatch(runtime, 100_000_000, warmup, workers, timeoutS);
            if (w.Completed != warmup) Console.Error.WriteLine($"warm-up did not complete ({w.Completed}/{warmup}, errors {w.Errors})");
        }
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();

        long rssBaseKb = ReadStatusKb("VmRSS:");
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        long alloc0 = GC.GetTotalAllocatedBytes(true);
        int gc0 = GC.CollectionCount(0), gc2 = GC.CollectionCount(2);

        long peakRssKb = rssBaseKb;
        using var cts = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                long r = ReadStatusKb("VmRSS:");
                if (r > peakRssKb) peakRssKb = r;
                try { await Task.Delay(20, cts.Token); } catch (OperationCanceledException) { }
            }
        });

        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        long t0 = Stopwatch.GetTimestamp();
        var batch = await RunBatch(runtime, 0, n, workers, timeoutS);
        long t1 = 0;
        for (int k = 0; k < n; k++) t1 = Math.Max(t1, batch.DoneTs[k]);
        if (t1 == 0) t1 = Stopwatch.GetTimestamp();

        cts.Cancel(); await sampler;
        proc.Refresh();
        var cpu = proc.TotalProcessorTime - cpu0;
        long alloc = GC.GetTotalAllocatedBytes(true) - alloc0;
        int gen0 = GC.CollectionCount(0) - gc0, gen2 = GC.CollectionCount(2) - gc2;
        long hwmKb = ReadStatusKb("VmHWM:");

        // latencies: start call -> event delivery returned with the instance finished
        var lat = new List<double>(n);
        for (int k = 0; k < n; k++)
            if (batch.DoneTs[k] != 0) lat.Add((batch.DoneTs[k] - batch.StartTs[k]) * 1000.0 / Stopwatch.Frequency);
        var ls = lat.ToArray(); Array.Sort(ls);

        // verification against the peer's expected values, from the final snapshots (outside the measured window)
        int bad = 0, covered = 0, high = 0;
        for (int k = 0; k < n; k++)
        {
            var state = batch.InstanceIds[k] is { } id ? await runtime.GetAsync(id) : null;
            if (state is null || batch.DoneTs[k] == 0) { bad++; continue; }
            var d = Scenario.Make(k);
            var (p, v) = Scenario.Expected(d);
            string? Var(string name) => state.Variables.GetValueOrDefault(name) as string;
            if (state.SubStatus != WorkflowSubStatus.Finished || Var("Priority") != p || Var("Verdict") != v
                || Var("ManagerReply") != "approved" || Var("Status") != "closed")
                bad++;
            if (Var("Verdict") == "covered") covered++;
            if (Var("Priority") == "high") high++;
        }

        double wallS = (t1 - t0) / (double)Stopwatch.Frequency;
        double instPerS = batch.Completed / wallS;
        var engineVersion = typeof(InMemoryWorkflowRuntime).Assembly.GetName().Version;
        Console.WriteLine($"config: kitchenworkflows {engineVersion} store {runtime.Description}, workflow {DefinitionId} ({Path.GetFileName(definitionPath)}, {activityCount} activities, JavaScript via Jint), mode {(inflight > 0 ? $"closed-loop inflight={inflight}" : $"burst workers={workers}")}, warmup {warmup}, cores {Environment.ProcessorCount}, serverGC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"completed {batch.Completed}/{n}, verify-failures {bad}, errors {batch.Errors}, covered {covered}, high {high}");
        Console.WriteLine($"wall {wallS:F3} s, cpu {cpu.TotalSeconds:F3} s ({cpu.TotalMilliseconds * 1000.0 / Math.Max(1, n):F0} us/inst), alloc {alloc / (double)Math.Max(1, n) / 1024.0:F1} KiB/inst, gc0 {gen0}, gc2 {gen2}");
        Console.WriteLine($"latency(start->finished) ms: p50 {Pct(ls, 50):F1} p90 {Pct(ls, 90):F1} p99 {Pct(ls, 99):F1} max {(ls.Length > 0 ? ls[^1] : double.NaN):F1}");
        Console.WriteLine($"rss: baseline {rssBaseKb / 1024.0:F1} MiB, peak in window {peakRssKb / 1024.0:F1} MiB, process VmHWM {hwmKb / 1024.0:F1} MiB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {{\"engine\":\"kitchenworkflows\",\"variant\":\"elsa-json\",\"store\":\"{store}\",\"n\":{n},\"mode\":\"{(inflight > 0 ? "closed" + inflight : "burst")}\",\"completed\":{batch.Completed},\"verifyFailures\":{bad},\"wallS\":{wallS:F3},\"instPerS\":{instPerS:F1},\"p50Ms\":{Pct(ls, 50):F2},\"p90Ms\":{Pct(ls, 90):F2},\"p99Ms\":{Pct(ls, 99):F2},\"maxMs\":{(ls.Length > 0 ? ls[^1] : 0):F2},\"cpuUsPerInst\":{cpu.TotalMilliseconds * 1000.0 / Math.Max(1, n):F0},\"allocKiBPerInst\":{alloc / (double)Math.Max(1, n) / 1024.0:F1},\"gen0\":{gen0},\"gen2\":{gen2},\"rssBaselineMiB\":{rssBaseKb / 1024.0:F1},\"rssWindowPeakMiB\":{peakRssKb / 1024.0:F1},\"vmHwmMiB\":{hwmKb / 1024.0:F1},\"pollMs\":0,\"idleMs\":0}}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kitchenworkflows: {n} instances, {instPerS:F0} inst/s, p50 {Pct(ls, 50):F0} ms, p99 {Pct(ls, 99):F0} ms, peak RSS {hwmKb / 1024.0:F0} MiB, load average {loadBefore} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        if (runtime is DurableCaseHost measured)
        {
            await ListQueryTimings.MeasureAsync(measured.Services.GetRequiredService<InstanceQueries>(), measured.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(),
                DefinitionId, Scenario.Make(n / 2).CaseId);
        }

        return batch.Completed == n && bad == 0 && batch.Errors == 0 ? 0 : 1;
    }

    // Runs instances [first, first+count) on `workers` concurrent workers: each starts an instance (it runs to the
    // wait and is saved as a snapshot), then publishes its "manager-replied" event (the snapshot is loaded, resumed
    // to the end and saved again).
    static async Task<Batch> RunBatch(ICaseHost runtime, int first, int count, int workers, int timeoutS)
    {
        var batch = new Batch(first, count);
        long deadline = Stopwatch.GetTimestamp() + (long)timeoutS * Stopwatch.Frequency;
        int next = -1;

        async Task Worker()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                var data = Scenario.Make(first + k);
                batch.StartTs[k] = Stopwatch.GetTimestamp();
                try
                {
                    var started = await runtime.StartAsync(DefinitionId, new StartRequest { CorrelationId = data.CaseId, Input = data.ToInput() });
                    var id = started.Id;
                    batch.InstanceIds[k] = id;
                    if (started.SubStatus != WorkflowSubStatus.Suspended)
                    {
                        Interlocked.Increment(ref batch.Errors);
                        Console.Error.WriteLine($"{data.CaseId}: expected to wait, is {started.SubStatus} {started.Incidents.LastOrDefault()?.Message}");
                        continue;
                    }

                    var touched = await runtime.PublishAsync(EventName, data.CaseId, "approved");
                    if (touched.Count == 1 && touched[0] == id)
                    {
                        batch.DoneTs[k] = Stopwatch.GetTimestamp();
                        Interlocked.Increment(ref batch.Completed);
                    }
                    else
                    {
                        Interlocked.Increment(ref batch.Errors);
                        Console.Error.WriteLine($"{data.CaseId}: the event touched {touched.Count} instances");
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref batch.Errors);
                    Console.Error.WriteLine($"{data.CaseId}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++) tasks[w] = Task.Run(Worker);
        await Task.WhenAll(tasks);
        return batch;
    }
}

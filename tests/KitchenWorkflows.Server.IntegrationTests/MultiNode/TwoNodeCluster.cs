using System.Text.RegularExpressions;

namespace KitchenWorkflows.Server.IntegrationTests.MultiNode;

/// <summary>
/// Two real server processes, node-a and node-b, on 127.0.0.1 over one fresh PostgreSQL database, as
/// <c>ops/compose.yaml</c> runs them: each has its own <c>Runtime__NodeId</c> and its own Hangfire
/// server, and both are started at once. Each reaches the SMS gateway stand-in at its own address, so the
/// stand-in knows which node sent a message. The lease is short, so a killed node's instances are taken
/// over within seconds rather than the default two minutes, yet not so short that a live node's run outlives
/// it: the lease is not renewed while a run goes on, and with 5 s (the minimum) the first, cold runs on a
/// loaded 2-core machine took longer, were taken over by the other node and sent their SMS twice.
/// </summary>
internal sealed partial class TwoNodeCluster : IDisposable
{
    public const string NodeA = "node-a";
    public const string NodeB = "node-b";

    /// <summary>Workers per node; a killed node was running at most this many instances.</summary>
    public const int DispatchWorkers = 4;

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    // The node that waits for the other's migration and import is ready only after both: on a loaded machine over 90 s.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(180);

    private TwoNodeCluster(ServerProcess a, ServerProcess b)
    {
        A = a;
        B = b;
    }

    public ServerProcess A { get; }

    public ServerProcess B { get; }

    /// <param name="workflowFiles">Test workflows (in the output's <c>Workflows</c> folder) both nodes import at start-up.</param>
    /// <param name="smsGateway">The stand-in each node sends its SMS to.</param>
    public static async Task<TwoNodeCluster> StartAsync(IReadOnlyList<string> workflowFiles, SideEffectRecorder smsGateway)
    {
        var database = TestPostgres.CreateDatabase();
        // One database, one bootstrap admin key: the second node to start finds the key the first created.
        var adminKey = TestKeys.NewAdminKey();
        var cluster = new TwoNodeCluster(Node(NodeA, database, adminKey, workflowFiles, smsGateway), Node(NodeB, database, adminKey, workflowFiles, smsGateway));
        try
        {
            await Task.WhenAll(cluster.A.StartAsync(StartDeadline), cluster.B.StartAsync(StartDeadline));
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Instances whose run a node found taken over when it came to save it: its lease had lapsed while the
    /// run went on (the machine was too loaded for the lease), another node ran the instance too, and the
    /// first run was discarded. Its outside calls were made twice, under one key.
    /// </summary>
    public HashSet<string> TakenOverInstances() =>
        A.ReadLog().Concat(B.ReadLog())
            .Select(line => TakenOver().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["id"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Both nodes' last log lines, for failure messages.</summary>
    public string LogTails() => A.LogTail() + "\n" + B.LogTail();

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }

    // DurableWorkflowRuntime's message when a save finds the lease gone.
    [GeneratedRegex(@"Instance (?<id>\S+) was taken over by another node")]
    private static partial Regex TakenOver();

    private static ServerProcess Node(string name, string database, string adminKey, IReadOnlyList<string> workflowFiles, SideEffectRecorder smsGateway)
    {
        var node = new ServerProcess(workflowFiles, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__PostgreSql"] = database,
            ["Runtime__NodeId"] = name,
            ["Runtime__DispatchWorkers"] = DispatchWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Runtime__LeaseDuration"] = LeaseDuration.ToString("c"),
            ["Sms__BaseUrl"] = smsGateway.NodeUrl(name),
            ["Sms__Token"] = "multi-node-test",
            ["Auth__BootstrapAdminKey"] = adminKey,
        })
        { Name = name };
        node.ClientHeaders[TestKeys.Header] = adminKey;
        return node;
    }
}

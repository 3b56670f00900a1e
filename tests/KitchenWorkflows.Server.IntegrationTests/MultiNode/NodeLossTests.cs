using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace KitchenWorkflows.Server.IntegrationTests.MultiNode;

/// <summary>
/// Two server processes over one PostgreSQL database share 1,000 dispatched instances; one is killed
/// with SIGKILL part-way and the other finishes everything. The guarantee checked for the outside system
/// is at-least-once delivery under a stable Idempotency-Key: every instance's SMS arrives, under one key
/// per instance, and a key arrives twice only when the killed node had sent it and its run died before
/// it was committed (the survivor then sends it again after the lease lapsed, never at the same time).
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class NodeLossTests(ITestOutputHelper output)
{
    private const int SigKillExitCode = 128 + 9;
    private const string DefinitionId = "multinode-sms";

    [PostgreSqlFact]
    public async Task Kill9OfOneNode_WhileBothRunDispatchedInstances_TheOtherFinishesAllAndEachKeyIsDeliveredAtLeastOnce()
    {
        const int count = 1000;
        var clock = Stopwatch.StartNew();
        await using var gateway = await SideEffectRecorder.StartAsync(responseDelay: TimeSpan.FromMilliseconds(50));
        using var cluster = await TwoNodeCluster.StartAsync([DefinitionId + ".json"], gateway);
        Note(clock, "both nodes ready");
        using var apiA = cluster.A.CreateClient();
        using var apiB = cluster.B.CreateClient();

        // Each node first runs a few instances to their end: a process that just started on a loaded machine needs
        // seconds of CPU before its first runs (the node that waited for the other's migration reports ready last and
        // was seen to send nothing for 20 s), and the kill must interrupt a node at work, not one still starting.
        var warmUp = await WarmUpAsync(apiA, apiB, cluster);
        var warmUpMessages = gateway.Total;
        Note(clock, $"both nodes ran {warmUp.Count} instances to their end");

        // Half the dispatches go to each node, interleaved.
        var keys = Enumerable.Range(0, count).Select(i => $"{DefinitionId}-{i:D4}").ToArray();
        var keysA = keys.Where((_, i) => i % 2 == 0).ToArray();
        var keysB = keys.Where((_, i) => i % 2 == 1).ToArray();
        var body = new { input = new { } };
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var toA = InstanceApi.DispatchAsync(apiA, DefinitionId, keysA, body, ids, retryUntil: null);
        var toB = InstanceApi.DispatchAsync(apiB, DefinitionId, keysB, body, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails);

        await UntilAsync(() => Task.FromResult(gateway.Total - warmUpMessages >= count / 3), TimeSpan.FromSeconds(90), cluster, "a third of the messages to arrive");
        var beforeKill = gateway.Total;
        var exitCode = cluster.A.KillHard();
        Note(clock, $"node-a killed (exit {exitCode}) after {beforeKill} messages ({string.Join(", ", gateway.Deliveries.GroupBy(d => d.Node).Select(g => $"{g.Key} {g.Count()}"))}), {ids.Count} dispatches answered");
        Assert.Equal(SigKillExitCode, exitCode);
        await toA;

        // Every key meant for node-a is sent to node-b: one node-a committed (answered or not) is replayed
        // from the shared store with the instance node-a started, one the kill cut off starts now.
        var answeredByA = keysA.Where(ids.ContainsKey).ToDictionary(k => k, k => ids[k], StringComparer.Ordinal);
        await InstanceApi.DispatchAsync(apiB, DefinitionId, keysA, body, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails);
        await toB;
        Assert.All(answeredByA, pair => Assert.Equal(pair.Value, ids[pair.Key]));
        Assert.Equal(count, ids.Values.Distinct(StringComparer.Ordinal).Count());

        await UntilAsync(async () => await InstanceApi.CountAsync(apiB, DefinitionId, "Finished") == count + warmUp.Count, TimeSpan.FromSeconds(120), cluster,
            $"all {count} instances to finish", apiB);
        Note(clock, "all finished on node-b");

        var instances = (await InstanceApi.ListAsync(apiB, DefinitionId)).Where(i => !warmUp.Contains((string)i["workflowInstanceId"]!)).ToList();
        Assert.Equal(count, instances.Count);
        Assert.All(instances, i => Assert.Equal("Finished", (string?)i["subStatus"]));
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), instances.Select(i => (string)i["workflowInstanceId"]!).Order(StringComparer.Ordinal));

        var deliveries = gateway.Deliveries.Where(d => !warmUp.Contains(d.InstanceId ?? "")).ToArray();
        var byNodeBeforeKill = deliveries.Where(d => d.Sequence <= beforeKill).GroupBy(d => d.Node).ToDictionary(g => g.Key ?? "?", g => g.Count());
        var byKey = deliveries.GroupBy(d => d.IdempotencyKey).ToList();
        var repeated = byKey.Where(g => g.Count() > 1).Select(g => g.OrderBy(d => d.Sequence).ToList()).ToList();
        var takenOver = cluster.TakenOverInstances();
        Note(clock, $"gateway: {deliveries.Length} messages, {byKey.Count} distinct keys, {repeated.Count} keys sent twice; " +
            $"before the kill node-a sent {byNodeBeforeKill.GetValueOrDefault(TwoNodeCluster.NodeA)}, node-b {byNodeBeforeKill.GetValueOrDefault(TwoNodeCluster.NodeB)}; " +
            $"{takenOver.Count} runs outlived their lease");

        // Both nodes did a real share of the work before the kill (half the dispatches went to each).
        Assert.True(byNodeBeforeKill.GetValueOrDefault(TwoNodeCluster.NodeA) >= (beforeKill - warmUpMessages) / 10, $"node-a sent too few before the kill: {string.Join(", ", byNodeBeforeKill)}\n{cluster.LogTails()}");
        Assert.True(byNodeBeforeKill.GetValueOrDefault(TwoNodeCluster.NodeB) >= (beforeKill - warmUpMessages) / 10, $"node-b sent too few before the kill: {string.Join(", ", byNodeBeforeKill)}\n{cluster.LogTails()}");

        // One key per instance, instanceId:activityId:execution, and the message is that instance's.
        Assert.DoesNotContain(byKey, g => g.Key is null);
        Assert.Equal(count, byKey.Count);
        Assert.All(deliveries, d => Assert.StartsWith(d.InstanceId + ":sms:", d.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), deliveries.Select(d => d.InstanceId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        // A repeat is the survivor redoing a run the killed node had in hand: node-a first, then node-b once
        // the lease lapsed, at most one per node-a worker. The only other cause is a live node's run that
        // outlived its lease on a loaded machine: the other node took the instance over and the runtime
        // discarded the first run (it logs that), so those are told apart by the nodes' logs.
        var killRepeats = repeated.Where(sends => !takenOver.Contains(sends[0].InstanceId!)).ToList();
        Assert.All(killRepeats, sends => Assert.Equal([TwoNodeCluster.NodeA, TwoNodeCluster.NodeB], sends.Select(d => d.Node)));
        Assert.InRange(killRepeats.Count, 0, TwoNodeCluster.DispatchWorkers);
        // Two requests with one key at once would be two runs of one step at once: only a lapsed lease allows it.
        Assert.All(gateway.Overlaps, key => Assert.Contains(key.Split(':')[0], takenOver));

        // Each step was committed once: no run was applied twice, whichever node ran it.
        await InstanceApi.AssertJournalsAsync(apiB, ids.Values, ("sms", 1), ("done", 1));
        Note(clock, "journals checked");
    }

    // Eight instances dispatched to each node, run to their end; their ids.
    private async Task<HashSet<string>> WarmUpAsync(HttpClient apiA, HttpClient apiB, TwoNodeCluster cluster)
    {
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var keys = Enumerable.Range(0, 16).Select(i => $"warm-up-{i}").ToArray();
        await Task.WhenAll(
            InstanceApi.DispatchAsync(apiA, DefinitionId, keys.Where((_, i) => i % 2 == 0), new { input = new { } }, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails),
            InstanceApi.DispatchAsync(apiB, DefinitionId, keys.Where((_, i) => i % 2 == 1), new { input = new { } }, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails));
        await UntilAsync(async () => await InstanceApi.CountAsync(apiA, DefinitionId, "Finished") == keys.Length, TimeSpan.FromSeconds(180), cluster, "the warm-up instances to finish", apiA);
        return [.. ids.Values];
    }

    private async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, TwoNodeCluster cluster, string what, HttpClient? api = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > deadline)
            {
                var states = api is null ? "" : "; instances by state: " + await InstanceApi.StatesAsync(api, DefinitionId);
                Assert.Fail($"Waited {waited.Elapsed.TotalSeconds:F0} s for {what}{states}.\n{cluster.LogTails()}");
            }

            await Task.Delay(250);
        }
    }

    private void Note(Stopwatch clock, string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace KitchenWorkflows.Server.IntegrationTests.Crash;

/// <summary>
/// The real server in its own process, killed with SIGKILL in the middle of work and started again on
/// the same SQLite files: nothing is lost, nothing runs twice, and an outside system sees each side
/// effect under one idempotency key.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int SigKillExitCode = 128 + 9;

    // The stand-in listens on 127.0.0.1, which Elsa.SendHttpRequest's SSRF guard refuses unless configured.
    private static readonly Dictionary<string, string> AllowLoopbackHttp = new(StringComparer.Ordinal)
    {
        ["Http__AllowedHosts__0"] = "127.0.0.1",
        ["Http__AllowedNetworks__0"] = "127.0.0.1/32",
    };
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Kill9_WhileSideEffectsAreInFlight_EveryInstanceFinishesAndTheStandInSeesEachKeyOnce()
    {
        const int count = 300;
        const string definitionId = "crash-http";
        var clock = Stopwatch.StartNew();
        await using var standIn = await SideEffectRecorder.StartAsync(responseDelay: TimeSpan.FromMilliseconds(30));
        using var server = new ServerProcess([definitionId + ".json"], AllowLoopbackHttp);
        await server.StartAsync(StartDeadline);
        Note(clock, "server ready");
        using var api = Api(server);

        var keys = Enumerable.Range(0, count).Select(i => $"{definitionId}-{i:D3}").ToArray();
        var body = new { input = new { target = standIn.Url } };
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var dispatching = InstanceApi.DispatchAsync(api, definitionId, keys, body, ids, retryUntil: null);

        await UntilAsync(() => Task.FromResult(standIn.Total >= count / 3), TimeSpan.FromSeconds(60), server, "a third of the side effects to arrive");
        var exitCode = server.KillHard();
        var atKill = standIn.Total;
        Note(clock, $"killed (exit {exitCode}) after {atKill} side effects, {ids.Count} dispatches answered");
        Assert.Equal(SigKillExitCode, exitCode);
        await dispatching;

        await server.StartAsync(StartDeadline);
        var restarted = DateTimeOffset.UtcNow;
        Note(clock, "server ready again");

        // Every dispatch is sent again with its key: one the kill cut off starts now, one that was
        // committed (answered or not) answers with the instance it started, and none starts a second.
        var before = new Dictionary<string, string>(ids, StringComparer.Ordinal);
        await InstanceApi.DispatchAsync(api, definitionId, keys, body, ids, retryUntil: Stopwatch.StartNew());
        Assert.All(before, pair => Assert.Equal(pair.Value, ids[pair.Key]));
        Assert.Equal(count, ids.Values.Distinct(StringComparer.Ordinal).Count());

        await UntilAsync(async () => (await InstanceApi.CountAsync(api, definitionId, "Finished")) == count, TimeSpan.FromSeconds(120), server, $"all {count} instances to finish", api, definitionId);
        Note(clock, "all finished");

        var instances = await InstanceApi.ListAsync(api, definitionId);
        Note(clock, "finished after the restart, slowest five: " + string.Join(", ", instances
            .Select(i => ((DateTimeOffset)i["finishedAt"]! - restarted).TotalSeconds).Order().TakeLast(5).Select(s => $"{s:F1} s")));
        Assert.Equal(count, instances.Count);
        Assert.All(instances, i => Assert.Equal("Finished", (string?)i["subStatus"]));
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), instances.Select(i => (string)i["workflowInstanceId"]!).Order(StringComparer.Ordinal));

        var deliveries = standIn.Deliveries.ToArray();
        var distinctKeys = deliveries.Select(d => d.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        var repeats = deliveries.Length - distinctKeys.Count;
        Note(clock, $"stand-in: {deliveries.Length} requests, {distinctKeys.Count} distinct keys, {repeats} repeated deliveries");
        Assert.DoesNotContain(null, distinctKeys);
        Assert.Equal(count, distinctKeys.Count);
        Assert.All(deliveries, d =>
        {
            // The key is instanceId:activityId:executionCount, and the body is the same instance's.
            Assert.Equal(d.InstanceId, d.QueryInstanceId);
            Assert.StartsWith(d.InstanceId + ":http:", d.IdempotencyKey, StringComparison.Ordinal);
        });
        var keysPerInstance = deliveries.GroupBy(d => d.InstanceId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.IdempotencyKey).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), keysPerInstance.Keys.Order(StringComparer.Ordinal));
        Assert.All(keysPerInstance, pair => Assert.Equal(1, pair.Value));

        await InstanceApi.AssertJournalsAsync(api, ids.Values, ("wait", 1), ("http", 1), ("done", 1));
        Note(clock, "journals checked");
    }

    [Fact]
    public async Task Kill9_WhileInstancesWaitInADelay_TheDelaysFireAfterTheRestart()
    {
        const int count = 40;
        const string definitionId = "crash-delay";
        var clock = Stopwatch.StartNew();
        using var server = new ServerProcess([definitionId + ".json"]);
        await server.StartAsync(StartDeadline);
        Note(clock, "server ready");
        using var api = Api(server);

        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var keys = Enumerable.Range(0, count).Select(i => $"{definitionId}-{i:D3}").ToArray();
        await InstanceApi.DispatchAsync(api, definitionId, keys, new { input = new { } }, ids, retryUntil: Stopwatch.StartNew());
        await UntilAsync(async () => (await InstanceApi.CountAsync(api, definitionId, "Suspended")) == count, TimeSpan.FromSeconds(30), server, $"all {count} instances to wait in the delay", api, definitionId);
        Note(clock, "all suspended in the delay");

        var exitCode = server.KillHard();
        Note(clock, $"killed (exit {exitCode})");
        Assert.Equal(SigKillExitCode, exitCode);
        await server.StartAsync(StartDeadline);
        Note(clock, "server ready again");

        await UntilAsync(async () => (await InstanceApi.CountAsync(api, definitionId, "Finished")) == count, TimeSpan.FromSeconds(60), server, $"all {count} delays to fire", api, definitionId);
        Note(clock, "all finished");
        Assert.Equal(count, (await InstanceApi.ListAsync(api, definitionId)).Count);
        await InstanceApi.AssertJournalsAsync(api, ids.Values, ("wait", 1), ("done", 1));
    }

    private static HttpClient Api(ServerProcess server) => server.CreateClient(TimeSpan.FromSeconds(30));

    private async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, ServerProcess server, string what, HttpClient? api = null, string? definitionId = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > deadline || (api is not null && !server.IsRunning))
            {
                var states = api is null || !server.IsRunning
                    ? "(server not running)"
                    : await InstanceApi.StatesAsync(api, definitionId!);
                Assert.Fail($"Waited {waited.Elapsed.TotalSeconds:F0} s for {what}; instances by state: {states}.\n{server.LogTail()}");
            }

            await Task.Delay(250);
        }
    }

    private void Note(Stopwatch clock, string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Kill9_WhileSideEffectsAreInFlight_EveryInstanceFinishesAndTheStandInSeesEachKeyOnce()
    {
        const int count = 300;
        const string definitionId = "crash-http";
        var clock = Stopwatch.StartNew();
        await using var standIn = await SideEffectRecorder.StartAsync(responseDelay: TimeSpan.FromMilliseconds(30));
        using var server = new ServerProcess([definitionId + ".json"]);
        await server.StartAsync(StartDeadline);
        Note(clock, "server ready");
        using var api = Api(server);

        var keys = Enumerable.Range(0, count).Select(i => $"{definitionId}-{i:D3}").ToArray();
        var body = new { input = new { target = standIn.Url } };
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var dispatching = DispatchAsync(api, definitionId, keys, body, ids, retryUntil: null);

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
        await DispatchAsync(api, definitionId, keys, body, ids, retryUntil: Stopwatch.StartNew());
        Assert.All(before, pair => Assert.Equal(pair.Value, ids[pair.Key]));
        Assert.Equal(count, ids.Values.Distinct(StringComparer.Ordinal).Count());

        await UntilAsync(async () => (await CountAsync(api, definitionId, "Finished")) == count, TimeSpan.FromSeconds(120), server, $"all {count} instances to finish", api, definitionId);
        Note(clock, "all finished");

        var instances = await ListAsync(api, definitionId);
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

        await AssertJournalsAsync(api, ids.Values, ("wait", 1), ("http", 1), ("done", 1));
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
        await DispatchAsync(api, definitionId, keys, new { input = new { } }, ids, retryUntil: Stopwatch.StartNew());
        await UntilAsync(async () => (await CountAsync(api, definitionId, "Suspended")) == count, TimeSpan.FromSeconds(30), server, $"all {count} instances to wait in the delay", api, definitionId);
        Note(clock, "all suspended in the delay");

        var exitCode = server.KillHard();
        Note(clock, $"killed (exit {exitCode})");
        Assert.Equal(SigKillExitCode, exitCode);
        await server.StartAsync(StartDeadline);
        Note(clock, "server ready again");

        await UntilAsync(async () => (await CountAsync(api, definitionId, "Finished")) == count, TimeSpan.FromSeconds(60), server, $"all {count} delays to fire", api, definitionId);
        Note(clock, "all finished");
        Assert.Equal(count, (await ListAsync(api, definitionId)).Count);
        await AssertJournalsAsync(api, ids.Values, ("wait", 1), ("done", 1));
    }

    private static HttpClient Api(ServerProcess server) => server.CreateAdminClient(TimeSpan.FromSeconds(30));

    // Dispatches every key (8 at a time) and records key → instance id. Without retryUntil a failed call
    // (the server was killed) is left out; with it, it is repeated until it succeeds or 30 s passed.
    private static Task DispatchAsync(HttpClient api, string definitionId, IEnumerable<string> keys, object body, ConcurrentDictionary<string, string> ids, Stopwatch? retryUntil) =>
        Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, cancellationToken) =>
        {
            while (true)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflow-definitions/{definitionId}/dispatch") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await api.SendAsync(request, cancellationToken);
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                    var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                    ids[key] = (string)answer!["workflowInstanceId"]!;
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (retryUntil is null)
                    {
                        return;
                    }

                    if (retryUntil.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw;
                    }

                    await Task.Delay(100, cancellationToken);
                }
            }
        });

    private static async Task<int> CountAsync(HttpClient api, string definitionId, string subStatus)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}&subStatus={subStatus}&pageSize=1");
        return (int)page!["totalCount"]!;
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient api, string definitionId)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}&pageSize=500");
        return [.. page!["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    // Each listed activity completed exactly that many times in each instance's journal: a second
    // completion would mean a run was applied twice.
    private static async Task AssertJournalsAsync(HttpClient api, IEnumerable<string> instanceIds, params (string ActivityId, int Completions)[] expected)
    {
        var journals = new ConcurrentDictionary<string, JsonArray>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(instanceIds, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, cancellationToken) =>
            journals[id] = (await api.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal", cancellationToken))!);
        Assert.All(journals, pair =>
        {
            foreach (var (activityId, completions) in expected)
            {
                var completed = pair.Value.Count(e => (string?)e!["activityId"] == activityId && (string?)e["status"] == "Completed");
                Assert.True(completed == completions, $"Instance {pair.Key}: {activityId} completed {completed} times, expected {completions}.\n{pair.Value.ToJsonString()}");
            }
        });
    }

    private async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, ServerProcess server, string what, HttpClient? api = null, string? definitionId = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > deadline || (api is not null && !server.IsRunning))
            {
                var states = api is null || !server.IsRunning
                    ? "(server not running)"
                    : string.Join(", ", (await ListAsync(api, definitionId!)).GroupBy(i => (string?)i["subStatus"]).Select(g => $"{g.Key}: {g.Count()}"));
                Assert.Fail($"Waited {waited.Elapsed.TotalSeconds:F0} s for {what}; instances by state: {states}.\n{server.LogTail()}");
            }

            await Task.Delay(250);
        }
    }

    private void Note(Stopwatch clock, string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace KitchenWorkflows.Server.IntegrationTests.MultiNode;

/// <summary>
/// Two server processes over one PostgreSQL database, both up: what one node changes, the other acts on at
/// once, and a timer fires once although both nodes run a Hangfire server on the shared job store.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class TwoNodeTests(TwoNodeFixture nodes, ITestOutputHelper output) : IClassFixture<TwoNodeFixture>
{
    [PostgreSqlFact]
    public async Task Publish_OnOneNode_TakesEffectForTheNextStartOnTheOtherAtOnce()
    {
        var (cluster, _) = await nodes.GetAsync();
        using var apiA = cluster.A.CreateClient();
        using var apiB = cluster.B.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = "multinode-publish-" + suffix;
        var eventName = "multinode-go-" + suffix;

        await SaveAndPublishAsync(apiA, ApiTestBase.LoadWorkflow("wait-for-event.json", id, eventName, label: "one"));
        var first = await ExecuteAsync(apiB, id, "first");
        await SaveAndPublishAsync(apiA, ApiTestBase.LoadWorkflow("wait-for-event.json", id, eventName, label: "two"));
        var second = await ExecuteAsync(apiB, id, "second");

        Assert.Equal((1, "Suspended"), ((int)first["definitionVersion"]!, (string?)first["subStatus"]));
        Assert.Equal((2, "Suspended"), ((int)second["definitionVersion"]!, (string?)second["subStatus"]));

        // Each waits on its own version; the event may arrive at either node.
        await PublishEventAsync(apiA, eventName, "first");
        await PublishEventAsync(apiB, eventName, "second");
        var firstDone = await apiB.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{first["workflowInstanceId"]}");
        var secondDone = await apiA.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{second["workflowInstanceId"]}");
        Assert.Equal(("Finished", "one"), ((string?)firstDone!["subStatus"], (string?)firstDone["output"]!["label"]));
        Assert.Equal(("Finished", "two"), ((string?)secondDone!["subStatus"], (string?)secondDone["output"]!["label"]));
    }

    [PostgreSqlFact]
    public async Task Delay_OnTwoNodesWithHangfireServers_FiresOnceForEachInstance()
    {
        const int count = 100;
        const string definitionId = TwoNodeFixture.DelayDefinitionId;
        var clock = Stopwatch.StartNew();
        var (cluster, gateway) = await nodes.GetAsync();
        Note(clock, "both nodes ready");
        using var apiA = cluster.A.CreateClient();
        using var apiB = cluster.B.CreateClient();

        var keys = Enumerable.Range(0, count).Select(i => $"{definitionId}-{Guid.NewGuid():N}").ToArray();
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Task.WhenAll(
            InstanceApi.DispatchAsync(apiA, definitionId, keys.Where((_, i) => i % 2 == 0), new { input = new { } }, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails),
            InstanceApi.DispatchAsync(apiB, definitionId, keys.Where((_, i) => i % 2 == 1), new { input = new { } }, ids, retryUntil: Stopwatch.StartNew(), cluster.LogTails));
        Note(clock, $"{ids.Count} dispatched");

        var waited = Stopwatch.StartNew();
        while (await InstanceApi.CountAsync(apiA, definitionId, "Finished") < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60),
                $"Waited 60 s for {count} delays to fire; instances by state: {await InstanceApi.StatesAsync(apiA, definitionId)}.\n{cluster.LogTails()}");
            await Task.Delay(250);
        }

        Note(clock, "all finished");
        var mine = ids.Values.ToHashSet(StringComparer.Ordinal);
        var deliveries = gateway.Deliveries.Where(d => d.InstanceId is not null && mine.Contains(d.InstanceId)).ToList();
        var byNode = deliveries.GroupBy(d => d.Node ?? "?").ToDictionary(g => g.Key, g => g.Count());
        Note(clock, $"gateway: {deliveries.Count} messages for {mine.Count} instances; sent after the delay by {string.Join(", ", byNode)}");

        // No node was lost, so a step runs twice only if a run outlived its lease on a loaded machine (the
        // runtime discards such a run and logs it): otherwise exactly one message per instance, one key each.
        var takenOver = cluster.TakenOverInstances();
        Assert.Equal(count, deliveries.Select(d => d.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(mine.Order(StringComparer.Ordinal), deliveries.Select(d => d.InstanceId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.All(deliveries.GroupBy(d => d.InstanceId!).Where(g => g.Count() > 1), g => Assert.Contains(g.Key, takenOver));
        Assert.All(gateway.Overlaps.Where(key => mine.Contains(key.Split(':')[0])), key => Assert.Contains(key.Split(':')[0], takenOver));
        // Both nodes' Hangfire servers fired timers, so "once" was tested against a real competitor.
        Assert.True(byNode.GetValueOrDefault(TwoNodeCluster.NodeA) > 0 && byNode.GetValueOrDefault(TwoNodeCluster.NodeB) > 0,
            $"Only one node fired timers: {string.Join(", ", byNode)}");
        await InstanceApi.AssertJournalsAsync(apiA, mine, ("wait", 1), ("sms", 1), ("done", 1));
    }

    private static async Task SaveAndPublishAsync(HttpClient api, string json)
    {
        var saved = await api.PostAsync("/api/workflow-definitions", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var definitionId = (string)JsonNode.Parse(json)!["definitionId"]!;
        var published = await api.PostAsync($"/api/workflow-definitions/{definitionId}/publish", content: null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    private static async Task<JsonObject> ExecuteAsync(HttpClient api, string definitionId, string correlationId)
    {
        var response = await api.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/execute", new { correlationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task PublishEventAsync(HttpClient api, string eventName, string correlationId)
    {
        var response = await api.PostAsJsonAsync($"/api/events/{eventName}", new { correlationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var touched = (await response.Content.ReadFromJsonAsync<JsonObject>())!["workflowInstanceIds"]!.AsArray();
        Assert.Single(touched);
    }

    private void Note(Stopwatch clock, string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
}

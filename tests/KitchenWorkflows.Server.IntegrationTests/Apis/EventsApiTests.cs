using System.Net;
using System.Net.Http.Json;

namespace KitchenWorkflows.Server.IntegrationTests.Apis;

/// <summary><c>/api/events/{eventName}</c>: correlated and broadcast resumption, event triggers, exactly-once delivery.</summary>
public abstract class EventsApiTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Publish_WithCorrelation_ResumesOnlyTheMatchingInstance()
    {
        var eventName = NewId("paid");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var mine = (string)(await ExecuteAsync(id, new { correlationId = "order-1" }))["workflowInstanceId"]!;
        var other = (string)(await ExecuteAsync(id, new { correlationId = "order-2" }))["workflowInstanceId"]!;

        var resumed = await PublishEventAsync(eventName, new { correlationId = "order-1", payload = new { amount = 10 } });

        Assert.Equal([mine], resumed);
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(mine))["subStatus"]);
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(other))["subStatus"]);
        Assert.Empty(await PublishEventAsync(eventName, new { correlationId = "order-3" }));
    }

    [ProviderFact]
    public async Task Publish_WithoutCorrelation_ResumesEveryWaitingInstance()
    {
        var eventName = NewId("all");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var first = (string)(await ExecuteAsync(id, new { correlationId = "x" }))["workflowInstanceId"]!;
        var second = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        var resumed = await PublishEventAsync(eventName);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), resumed.Order(StringComparer.Ordinal));
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(first))["subStatus"]);
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(second))["subStatus"]);
        Assert.Empty(await PublishEventAsync(eventName));
    }

    [ProviderFact]
    public async Task Publish_TriggerEvent_StartsANewInstanceWithThePayload()
    {
        var eventName = NewId("start");
        var id = await DeployAsync("event-trigger.json", eventName);

        var started = await PublishEventAsync(eventName, new { correlationId = "t-1", payload = new { customer = "Ivanova" } });

        var instance = await GetInstanceAsync(Assert.Single(started));
        Assert.Equal(id, (string?)instance["definitionId"]);
        Assert.Equal("Finished", (string?)instance["subStatus"]);
        Assert.Equal("t-1", (string?)instance["correlationId"]);
        Assert.Equal("Ivanova", (string?)instance["output"]!["payload"]!["customer"]);
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Publish_UnpublishedTrigger_StartsNothing()
    {
        var eventName = NewId("draft");
        var id = NewId("trigger-draft");
        await SaveAsync(LoadWorkflow("event-trigger.json", id, eventName));

        Assert.Empty(await PublishEventAsync(eventName));
        Assert.Equal(0, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task Publish_SameEvent20TimesInParallel_ResumesTheInstanceExactlyOnce()
    {
        var eventName = NewId("race");
        var id = await DeployAsync("wait-for-event.json", eventName);
        var instanceId = (string)(await ExecuteAsync(id, new { correlationId = "race" }))["workflowInstanceId"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Client.PostAsJsonAsync($"/api/events/{eventName}", new { correlationId = "race", payload = new { attempt = i } })));

        var resumedBy = new List<int>();
        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            if (Ids((await ReadObjectAsync(responses[i]))["workflowInstanceIds"]).Contains(instanceId))
            {
                resumedBy.Add(i);
            }
        }

        Assert.Single(resumedBy);
        var journal = await GetJournalAsync(instanceId);
        Assert.Single(journal, e => (string?)e!["activityId"] == "wait" && (string?)e["status"] == "Completed");
        Assert.Single(journal, e => (string?)e!["activityId"] == "after");
        var instance = await GetInstanceAsync(instanceId);
        Assert.Equal("Finished", (string?)instance["subStatus"]);
        Assert.Equal(1, (int)instance["executionCounts"]!["after"]!);
    }

    [ProviderFact]
    public async Task Publish_NameTooLongOrBadBody_Returns400()
    {
        Assert.Equal(["eventName"], await AssertValidationProblemAsync(await Client.PostAsJsonAsync($"/api/events/{new string('e', 201)}", new { })));
        Assert.Contains("$.correlationId", await AssertValidationProblemAsync(await Client.PostAsync("/api/events/anything", Json("""{ "correlationId": 5 }"""))));
        await AssertValidationProblemAsync(await Client.PostAsync("/api/events/anything", Json("{ \"payload\": ")));
    }

    public sealed class Sqlite(SqliteServer server) : EventsApiTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : EventsApiTests(server), IClassFixture<PostgreSqlServer>;
}

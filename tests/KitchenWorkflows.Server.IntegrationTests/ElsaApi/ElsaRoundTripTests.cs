using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaApi;

/// <summary>The two doors on one store: what one saves, the other reads back with nothing lost.</summary>
public abstract class ElsaRoundTripTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task SavedThroughApi_ReadsBackThroughElsaApi_WithTheSameActivitiesConnectionsPositionsAndInputs()
    {
        // The shipped hotline scheme: designer positions, a switch with cases, scripts, a Kitchen Lab activity.
        var ours = (await Client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/contact-scheme-phone?version=published"))!;

        var elsas = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/by-definition-id/contact-scheme-phone?versionOptions=Published"))!;

        AssertSameFlowchart(ours, elsas);
        Assert.True(JsonNode.DeepEquals(ours["inputs"], elsas["inputs"]));
        Assert.True(JsonNode.DeepEquals(ours["outputs"], elsas["outputs"]));
        Assert.True(JsonNode.DeepEquals(ours["variables"], elsas["variables"]));
    }

    [ProviderFact]
    public async Task SavedThroughElsaApi_ReadsBackThroughApi_Unchanged_AndRuns()
    {
        // What Elsa Studio saves: the definition it read, changed in the property panel, sent back as the model.
        var id = NewId("elsa-trip");
        var original = JsonNode.Parse(LoadWorkflow("wait-for-event.json", id, eventName: NewId("ev"), label: "studio"))!.AsObject();
        original["root"]!["activities"]![1]!["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 120.5, ["y"] = -40 } } };
        await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = original, publish = false });
        var model = (await Client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{id}"))!;
        model["root"]!["activities"]![3]!["outputValue"]!["expression"]!["value"] = "changed in Elsa Studio";

        var response = await Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ours = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}?version=published"))!;
        AssertSameFlowchart(ours, model);
        var instance = await ExecuteAsync(id);
        Assert.Equal("Suspended", (string?)instance["subStatus"]);
        Assert.Equal("waiting", (string?)instance["output"]!["stage"]);
    }

    // Activities (ids, types, inputs, designer metadata) and connections the same, whatever else each answer adds.
    private static void AssertSameFlowchart(JsonObject expected, JsonObject actual)
    {
        var expectedActivities = expected["root"]!["activities"]!.AsArray();
        var actualActivities = actual["root"]!["activities"]!.AsArray();
        Assert.Equal(expectedActivities.Count, actualActivities.Count);
        foreach (var (want, got) in expectedActivities.Zip(actualActivities))
        {
            foreach (var (name, value) in want!.AsObject().Where(p => p.Key != "nodeId"))
            {
                Assert.True(JsonNode.DeepEquals(value, got![name]), $"Activity {want["id"]}: '{name}' was {value?.ToJsonString()}, now {got[name]?.ToJsonString()}");
            }
        }

        Assert.True(JsonNode.DeepEquals(expected["root"]!["connections"], actual["root"]!["connections"]));
    }

    public sealed class Sqlite(SqliteServer server) : ElsaRoundTripTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ElsaRoundTripTests(server), IClassFixture<PostgreSqlServer>;
}

using System.Net;
using KitchenWorkflows.Persistence;
using static KitchenWorkflows.Server.IntegrationTests.HttpWorkflows.HttpFlows;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>
/// Two nodes on one PostgreSQL database (two servers in this process): a path published on one node is served by the
/// other at once, and a republished path moves there at once, though that node had already run the old version.
/// </summary>
public sealed class HttpEndpointNodesTests
{
    [PostgreSqlFact]
    public async Task Republish_OnOneNode_MovesThePathOnTheOtherAtOnce()
    {
        using var first = new ServerFactory(StorageProvider.PostgreSql);
        using var second = new ServerFactory(StorageProvider.PostgreSql)
        {
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:PostgreSql"] = first.PostgreSqlConnectionString,
                ["Runtime:NodeId"] = "second-node",
            },
        };
        using var publisher = first.CreateAdminClient();
        using var caller = second.CreateClient(first.AdminKey);
        const string id = "moving-endpoint";

        await SaveAndPublishAsync(publisher, Answering(id, Endpoint("desk/old"), "'v1'"));
        Assert.Equal("v1", await caller.GetStringAsync("/workflows/desk/old"));
        await SaveAndPublishAsync(publisher, Answering(id, Endpoint("desk/new"), "'v2'"));

        Assert.Equal(HttpStatusCode.NotFound, (await caller.GetAsync("/workflows/desk/old")).StatusCode);
        Assert.Equal("v2", await caller.GetStringAsync("/workflows/desk/new"));
    }

    private static async Task SaveAndPublishAsync(HttpClient client, string json)
    {
        var saved = await client.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var published = await client.PostAsync("/api/workflow-definitions/moving-endpoint/publish", content: null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }
}

using System.Net;
using KitchenWorkflows.Persistence;
using static KitchenWorkflows.Server.IntegrationTests.HttpWorkflows.HttpFlows;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>Endpoints served under a configured prefix (HttpEndpoints:BasePath) instead of Elsa's <c>/workflows</c>.</summary>
public sealed class HttpEndpointBasePathTests(HttpEndpointBasePathTests.HooksServer server) : ApiTestBase(server), IClassFixture<HttpEndpointBasePathTests.HooksServer>
{
    [Fact]
    public async Task Endpoint_UnderAConfiguredPrefix_IsServedThereAndNotUnderTheDefault()
    {
        var id = NewId("hooks");
        await SaveAsync(Answering(id, Endpoint($"{id}/ping"), "'pong'"));
        await PublishAsync(id);

        Assert.Equal("pong", await Client.GetStringAsync($"/hooks/in/{id}/ping"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/workflows/{id}/ping")).StatusCode);
    }

    public sealed class HooksServer() : ServerFixture(StorageProvider.Sqlite)
    {
        protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
        {
            Settings = new Dictionary<string, string?> { ["HttpEndpoints:BasePath"] = "/hooks/in" },
        };
    }
}

using System.Net;
using static KitchenWorkflows.Server.IntegrationTests.HttpWorkflows.HttpFlows;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>
/// Who may call a workflow's HTTP endpoint on a server as it ships (HttpEndpoints:AllowAnonymous off): a key or
/// sign-in always, the role an endpoint's <c>policy</c> names, and an API client only its own definitions.
/// </summary>
public abstract class HttpEndpointAccessTests(ServerFixture server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task AnonymousEndpoint_OnAServerThatDoesNotAllowThem_Is401AndStartsNothing()
    {
        var id = NewId("closed");
        await SaveAsync(Answering(id, Endpoint($"{id}/open", authorize: false), "'hi'"));
        await PublishAsync(id);
        using var anonymous = ClientWithKey(null);

        var response = await anonymous.GetAsync($"/workflows/{id}/open");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("ApiKey", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(0, await CountInstancesAsync(id));
        Assert.Equal("hi", await Client.GetStringAsync($"/workflows/{id}/open"));
    }

    [ProviderFact]
    public async Task Policy_NamingARole_LetsInThatRoleAndForbidsOthers()
    {
        var id = NewId("designers");
        await SaveAsync(Answering(id, Endpoint($"{id}/only", authorize: true, policy: "designer"), "'for designers'"));
        await PublishAsync(id);
        using var designer = ClientWithKey(await CreateKeyAsync(new { name = "designer", role = "designer" }));
        using var @operator = ClientWithKey(await CreateKeyAsync(new { name = "operator", role = "operator" }));

        await AssertProblemAsync(await @operator.GetAsync($"/workflows/{id}/only"), HttpStatusCode.Forbidden);
        Assert.Equal("for designers", await designer.GetStringAsync($"/workflows/{id}/only"));
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    [ProviderFact]
    public async Task ApiClient_MayCallOnlyTheDefinitionsItsKeyNames()
    {
        var mine = NewId("mine");
        var theirs = NewId("theirs");
        await SaveAsync(Answering(mine, Endpoint($"{mine}/call"), "'mine'"));
        await SaveAsync(Answering(theirs, Endpoint($"{theirs}/call"), "'theirs'"));
        await PublishAsync(mine);
        await PublishAsync(theirs);
        using var client = ClientWithKey(await CreateKeyAsync(new { name = "crm", role = "api-client", definitionIds = new[] { mine } }));

        Assert.Equal("mine", await client.GetStringAsync($"/workflows/{mine}/call"));
        await AssertProblemAsync(await client.GetAsync($"/workflows/{theirs}/call"), HttpStatusCode.Forbidden);
    }

    [ProviderFact]
    public async Task ServiceCentre_WithoutAPolicyNamingIt_IsForbidden()
    {
        var id = NewId("centres");
        await SaveAsync(Answering(id, Endpoint($"{id}/call"), "'hi'"));
        await PublishAsync(id);
        using var centre = ClientWithKey(await CreateKeyAsync(new { name = "asc", role = "service-centre", serviceCentreId = "asc-1" }));

        await AssertProblemAsync(await centre.GetAsync($"/workflows/{id}/call"), HttpStatusCode.Forbidden);
    }

    public sealed class Sqlite(SqliteServer server) : HttpEndpointAccessTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : HttpEndpointAccessTests(server), IClassFixture<PostgreSqlServer>;
}

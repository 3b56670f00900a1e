using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static KitchenWorkflows.Server.IntegrationTests.HttpWorkflows.HttpFlows;

namespace KitchenWorkflows.Server.IntegrationTests.HttpWorkflows;

/// <summary>
/// <c>Elsa.HttpEndpoint</c> and <c>Elsa.WriteHttpResponse</c> through real HTTP: definitions saved and published through
/// the API, then called under <c>/workflows</c> by a caller without a key (anonymous endpoints are allowed here).
/// </summary>
public abstract class HttpEndpointTests(OpenHttpWorkflowsServer server) : ApiTestBase(server)
{
    private readonly HttpClient _anonymous = server.Factory.CreateClient(apiKey: null);

    [ProviderFact]
    public async Task ElsasHttpHelloWorld_PublishedThroughTheApi_AnswersHelloWorld()
    {
        // Elsa's file byte for byte: its methods are an Object expression.
        var json = LoadWorkflow("elsa-http-hello-world.json", "unused");
        await SaveAsync(json);
        await PublishAsync("f926beb0afc8505e");

        var response = await _anonymous.GetAsync("/workflows/hello-world");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello World!", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [ProviderFact]
    public async Task Trigger_WithRouteParameters_HandsTheWorkflowRouteQueryBodyAndHeadersButNoCredentials()
    {
        var id = NewId("orders");
        await SaveAsync(new FlowBuilder(id)
            .Add("ep", "Elsa.HttpEndpoint", Endpoint($"{id}/orders/{{orderId}}/lines/{{line}}", "[\"POST\"]"))
            .Add("answer", "Elsa.WriteHttpResponse",
                ("statusCode", FlowBuilder.Literal("Created")),
                ("content", FlowBuilder.Js("""
                    const r = getOutputFrom('ep');
                    return { order: r.routeData.orderId, line: r.routeData.line, rush: r.queryStringData.rush, qty: r.parsedContent.qty,
                             part: r.parsedContent.part, shop: r.headers['X-Shop'], key: r.headers['X-Api-Key'] ?? null, method: r.method };
                    """)),
                ("responseHeaders", FlowBuilder.Literal("{\"Location\": \"/orders/A-17\"}")))
            .Chain("ep", "answer")
            .Json);
        await PublishAsync(id);
        using var keyed = ClientWithKey(Factory.AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/workflows/{id}/orders/A-17/lines/3?rush=yes")
        {
            Content = JsonContent.Create(new { qty = 2, part = "Мойка" }),
        };
        request.Headers.Add("X-Shop", "kitchen");

        var response = await keyed.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/orders/A-17", response.Headers.Location?.OriginalString);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(
            """{"order":"A-17","line":"3","rush":"yes","qty":2,"part":"Мойка","shop":"kitchen","key":null,"method":"POST"}""",
            body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var instanceId = Assert.Single(response.Headers.GetValues("X-Workflow-Instance-Id"));
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(instanceId))["subStatus"]);
    }

    [ProviderFact]
    public async Task Requests_ThatReachNoEndpointOrAMethodItRefusesOrBadJson_AreProblemsAndStartNothing()
    {
        var id = NewId("problems");
        await SaveAsync(Answering(id, Endpoint($"{id}/items", "[\"POST\", \"PUT\"]"), "'ok'"));
        await PublishAsync(id);

        await AssertProblemAsync(await _anonymous.GetAsync($"/workflows/{id}/nothing-here"), HttpStatusCode.NotFound);
        var refused = await _anonymous.GetAsync($"/workflows/{id}/items");
        await AssertProblemAsync(refused, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST", "PUT"], refused.Content.Headers.Allow.Order(StringComparer.Ordinal));
        var malformed = await _anonymous.PostAsync($"/workflows/{id}/items", new StringContent("{\"qty\": 2,", Encoding.UTF8, "application/json"));
        Assert.Contains("$", await AssertValidationProblemAsync(malformed));

        Assert.Equal(0, await CountInstancesAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.PutAsync($"/workflows/{id}/items", new StringContent("plain", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [ProviderFact]
    public async Task Wait_InARunningWorkflow_IsResumedByTheRequestAndAnswersIt()
    {
        var id = NewId("approve");
        await SaveAsync(new FlowBuilder(id)
            .Add("start", "Elsa.Start")
            .Add("ep", "Elsa.HttpEndpoint", Endpoint($"{id}/approve/{{ticket}}", "[\"POST\"]", trigger: false))
            .Add("answer", "Elsa.WriteHttpResponse", ("content", FlowBuilder.Js("'approved ' + getOutputFrom('ep').routeData.ticket + ' by ' + getOutputFrom('ep').parsedContent.who")))
            .Chain("start", "ep", "answer")
            .Json);
        await PublishAsync(id);
        var first = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;
        var second = (string)(await ExecuteAsync(id))["workflowInstanceId"]!;

        var ambiguous = await _anonymous.PostAsJsonAsync($"/workflows/{id}/approve/T-1", new { who = "ops" });
        var answered = await _anonymous.PostAsJsonAsync($"/workflows/{id}/approve/T-1?workflowInstanceId={second}", new { who = "ops" });

        await AssertProblemAsync(ambiguous, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("approved T-1 by ops", await answered.Content.ReadAsStringAsync());
        Assert.Equal("Finished", (string?)(await GetInstanceAsync(second))["subStatus"]);
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(first))["subStatus"]);
        var last = await _anonymous.PostAsJsonAsync($"/workflows/{id}/approve/T-2", new { who = "lead" });
        Assert.Equal("approved T-2 by lead", await last.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task Run_ThatEndsWithoutWritingAResponse_IsAnsweredAsElsaDoes200WithNoBody()
    {
        var id = NewId("silent");
        await SaveAsync(new FlowBuilder(id)
            .Add("ep", "Elsa.HttpEndpoint", Endpoint($"{id}/ping"))
            .Add("log", "Elsa.WriteLine", ("text", FlowBuilder.Literal("pinged")))
            .Chain("ep", "log")
            .Json);
        await PublishAsync(id);

        var response = await _anonymous.GetAsync($"/workflows/{id}/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task Run_ThatDoesNotAnswerWithinTheEndpointsRequestTimeout_Is504AndGoesOn()
    {
        var id = NewId("slow");
        await SaveAsync(new FlowBuilder(id)
            .Add("ep", "Elsa.HttpEndpoint", Endpoint($"{id}/slow", requestTimeout: "00:00:01"))
            .Add("busy", "Elsa.RunJavaScript", ("script", FlowBuilder.Literal("const end = Date.now() + 3000; while (Date.now() < end) {} return 'done';")))
            .Add("answer", "Elsa.WriteHttpResponse", ("content", FlowBuilder.Literal("too late")))
            .Chain("ep", "busy", "answer")
            .Json);
        await PublishAsync(id);

        var response = await _anonymous.GetAsync($"/workflows/{id}/slow");

        await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
        var instanceId = Assert.Single(response.Headers.GetValues("X-Workflow-Instance-Id"));
        var finished = await WaitForInstanceAsync(instanceId, i => HasSubStatus(i, "Finished"));
        Assert.Equal("Finished", (string?)finished["subStatus"]);
    }

    [ProviderFact]
    public async Task Republish_WithAnotherPath_MovesTheEndpointAtOnce()
    {
        var id = NewId("moved");
        await SaveAsync(Answering(id, Endpoint($"{id}/old"), "'v1'"));
        await PublishAsync(id);
        Assert.Equal("v1", await _anonymous.GetStringAsync($"/workflows/{id}/old"));

        await SaveAsync(Answering(id, Endpoint($"{id}/new"), "'v2'"));
        await PublishAsync(id);

        await AssertProblemAsync(await _anonymous.GetAsync($"/workflows/{id}/old"), HttpStatusCode.NotFound);
        Assert.Equal("v2", await _anonymous.GetStringAsync($"/workflows/{id}/new"));
    }

    [ProviderFact]
    public async Task Authorize_EvenWhereAnonymousEndpointsAreAllowed_WantsAKey()
    {
        var id = NewId("guarded");
        await SaveAsync(Answering(id, Endpoint($"{id}/guarded", authorize: true), "'secret'"));
        await PublishAsync(id);

        var anonymous = await _anonymous.GetAsync($"/workflows/{id}/guarded");
        using var keyed = ClientWithKey(Factory.AdminKey);

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("secret", await keyed.GetStringAsync($"/workflows/{id}/guarded"));
        Assert.Equal(1, await CountInstancesAsync(id));
    }

    public sealed class Sqlite(SqliteOpenHttpWorkflowsServer server) : HttpEndpointTests(server), IClassFixture<SqliteOpenHttpWorkflowsServer>;

    public sealed class PostgreSql(PostgreSqlOpenHttpWorkflowsServer server) : HttpEndpointTests(server), IClassFixture<PostgreSqlOpenHttpWorkflowsServer>;
}

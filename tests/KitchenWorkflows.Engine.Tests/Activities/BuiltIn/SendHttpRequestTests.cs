using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

/// <summary>Against a real HTTP server on 127.0.0.1, never a mocked HttpClient.</summary>
public sealed class SendHttpRequestTests
{
    // The stand-ins listen on 127.0.0.1, which the SSRF guard refuses unless allowed.
    internal static void AllowLoopback(IServiceCollection services) => services.Configure<OutboundHttpOptions>(o =>
    {
        o.AllowedHosts.Add("127.0.0.1");
        o.AllowedNetworks.Add("127.0.0.1/32");
    });

    // start → http ─200────────────────→ ok
    //              ├404────────────────→ missing
    //              ├Unmatched status code→ unmatched
    //              └Failed to connect──→ unreachable   (only when connectFailurePort)
    internal static string Flow(string url, bool connectFailurePort = true, JsonObject? retryPolicy = null, string method = "GET", JsonObject? content = null)
    {
        var http = new List<(string, JsonNode?)>
        {
            ("url", FlowBuilder.Literal(url)),
            ("method", FlowBuilder.Literal(method)),
            ("expectedStatusCodes", FlowBuilder.Literal(new JsonArray(200, 404))),
        };
        if (content is not null)
        {
            http.Add(("content", FlowBuilder.Literal(content)));
        }

        if (retryPolicy is not null)
        {
            http.Add(("retryPolicy", retryPolicy));
        }

        var flow = new FlowBuilder("http-flow")
            .Add("start", "Elsa.Start")
            .Add("http", "Elsa.SendHttpRequest", [.. http])
            .Add("ok", "Elsa.WriteLine", ("text", FlowBuilder.Js("'ok ' + getOutputFrom('http').content.name")))
            .Add("missing", "Elsa.WriteLine", ("text", FlowBuilder.Literal("missing")))
            .Add("unmatched", "Elsa.WriteLine", ("text", FlowBuilder.Js("'unmatched ' + getOutputFrom('http').statusCode")))
            .Add("unreachable", "Elsa.WriteLine", ("text", FlowBuilder.Literal("unreachable")))
            .Chain("start", "http")
            .Connect("http", "ok", "200")
            .Connect("http", "missing", "404")
            .Connect("http", "unmatched", "Unmatched status code");
        if (connectFailurePort)
        {
            flow.Connect("http", "unreachable", "Failed to connect");
        }

        return flow.Json;
    }

    [Fact]
    public async Task ExecuteAsync_ExpectedStatusWithJson_ContinuesThroughThatPortWithTheParsedBody()
    {
        await using var server = new ScriptedStandIn(_ => StandInResponse.Json("""{"name":"Kitchen","items":[1,2]}"""));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow(server.BaseUrl + "contracts/7"));

        Assert.Equal(["ok Kitchen"], EngineHarness.Lines(result.Journal));
        Assert.Equal(["200"], result.Journal.Single(e => e.ActivityId == "http").Outcomes);
        var output = Assert.IsType<Dictionary<string, object?>>(result.State.ActivityOutputs["http"]);
        Assert.Equal(200, output["statusCode"]);
        var body = Assert.IsType<Dictionary<string, object?>>(output["content"]);
        Assert.Equal("Kitchen", body["name"]);
        Assert.Equal([1d, 2d], Assert.IsType<List<object?>>(body["items"]).Select(i => Convert.ToDouble(i, System.Globalization.CultureInfo.InvariantCulture)));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/contracts/7"), (request.Method, request.Path));
    }

    [Fact]
    public async Task ExecuteAsync_OtherExpectedStatus_ContinuesThroughItsPort()
    {
        await using var server = new ScriptedStandIn(_ => new StandInResponse(404, "no such contract"));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow(server.BaseUrl.ToString()));

        Assert.Equal(["missing"], EngineHarness.Lines(result.Journal));
        Assert.Equal("no such contract", ((Dictionary<string, object?>)result.State.ActivityOutputs["http"]!)["content"]);
    }

    [Fact]
    public async Task ExecuteAsync_StatusNotExpected_ContinuesThroughUnmatchedStatusCode()
    {
        await using var server = new ScriptedStandIn(_ => new StandInResponse(503));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow(server.BaseUrl.ToString()));

        Assert.Equal(["unmatched 503"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task ExecuteAsync_PostWithObjectContent_SendsItAsJson()
    {
        await using var server = new ScriptedStandIn(_ => new StandInResponse(200, "{}", "application/json"));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);

        await harness.RunAsync(Flow(server.BaseUrl + "sms", method: "POST", content: new JsonObject { ["phone"] = "+7900", ["text"] = "Привет" }));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["phone"] = "+7900", ["text"] = "Привет" }, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task ExecuteAsync_NothingListensAndFailedToConnectIsConnected_ContinuesThroughIt()
    {
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow($"http://127.0.0.1:{LoopbackPort.Free()}/"));

        Assert.Equal(["unreachable"], EngineHarness.Lines(result.Journal));
        Assert.Equal(["Failed to connect"], result.Journal.Single(e => e.ActivityId == "http").Outcomes);
        Assert.True(((Dictionary<string, object?>)result.State.ActivityOutputs["http"]!).ContainsKey("error"));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task ExecuteAsync_NothingListensAndFailedToConnectIsNotConnected_FaultsWithAnIncident()
    {
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow($"http://127.0.0.1:{LoopbackPort.Free()}/", connectFailurePort: false));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("http", incident.ActivityId);
        Assert.Equal(typeof(HttpRequestException).FullName, incident.ExceptionType);
    }

    [Fact]
    public async Task ExecuteAsync_RelativeUrl_Faults()
    {
        await using var harness = new EngineHarness(services: AllowLoopback);

        var result = await harness.RunAsync(Flow("/contracts"));

        Assert.Contains("not an absolute http or https URL", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionDroppedTwiceThenAnswered_RetriesWithTheSameIdempotencyKey()
    {
        await using var server = new ScriptedStandIn(r => r.Number <= 2 ? StandInResponse.Dropped : StandInResponse.Json("""{"name":"sent"}"""));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);
        var policy = new JsonObject { ["maxAttempts"] = 3, ["initialDelay"] = "00:00:10", ["backoffMultiplier"] = 2 };
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow(server.BaseUrl + "sms", connectFailurePort: false, retryPolicy: policy)));

        var started = await harness.Runtime.StartAsync("http-flow", new StartRequest());
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Runtime.WhenIdleAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(3, server.Requests.Count);
        var keys = server.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().ToList();
        Assert.Equal([$"{started.State.Id}:http:1"], keys);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Equal(["ok sent"], EngineHarness.Lines(harness.Runtime.GetJournal(started.State.Id)));
    }

    [Fact]
    public async Task ExecuteAsync_SameActivityRunTwiceInALoop_SendsADifferentIdempotencyKeyEachTime()
    {
        // start → http → again? ─True─→ http (back edge)
        await using var server = new ScriptedStandIn(_ => new StandInResponse(204));
        await server.StartAsync();
        await using var harness = new EngineHarness(services: AllowLoopback);
        var json = new FlowBuilder()
            .Variable("Round", "Int32", 0)
            .Add("start", "Elsa.Start")
            .Add("http", "Elsa.SendHttpRequest", ("url", FlowBuilder.Literal(server.BaseUrl.ToString())))
            .Add("again", "Elsa.FlowDecision", ("condition", FlowBuilder.Js("setRound(getRound() + 1); return getRound() < 2;")))
            .Chain("start", "http")
            .Connect("http", "again", "Unmatched status code")
            .Connect("again", "http", "True")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal([$"{result.State.Id}:http:1", $"{result.State.Id}:http:2"], server.Requests.Select(r => r.Header("Idempotency-Key")));
    }
}

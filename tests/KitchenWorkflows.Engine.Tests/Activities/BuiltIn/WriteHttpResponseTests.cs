using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class WriteHttpResponseTests
{
    private static string Flow(params (string Name, System.Text.Json.Nodes.JsonNode? Value)[] inputs) =>
        FlowBuilder.Single("answer", "Elsa.WriteHttpResponse", inputs).Json;

    [Fact]
    public async Task ExecuteAsync_ObjectContent_AnswersTheRunsExchangeWithJson()
    {
        await using var harness = new EngineHarness();
        const string id = "instance-1";
        using var exchange = HttpExchange.Open(id);

        await harness.RunAsync(Flow(
            ("statusCode", FlowBuilder.Literal("Created")),
            ("content", FlowBuilder.Js("({ id: 7, name: 'Мойка' })")),
            ("responseHeaders", FlowBuilder.Literal("{\"Location\": \"/orders/7\", \"Vary\": [\"Accept\", \"Origin\"]}"))), new StartRequest { InstanceId = id });

        var response = await exchange.Answered;
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("{\"id\":7,\"name\":\"Мойка\"}", response.Content);
        Assert.Equal(["/orders/7"], response.Headers["location"]);
        Assert.Equal(["Accept", "Origin"], response.Headers["Vary"]);
    }

    [Fact]
    public async Task ExecuteAsync_StringContent_IsSentAsItIsWithTheGivenType()
    {
        await using var harness = new EngineHarness();
        using var exchange = HttpExchange.Open("instance-2");

        await harness.RunAsync(Flow(("content", FlowBuilder.Literal("<b>hi</b>")), ("contentType", FlowBuilder.Literal("text/html"))), new StartRequest { InstanceId = "instance-2" });

        var response = await exchange.Answered;
        Assert.Equal((200, "text/html", "<b>hi</b>"), (response.StatusCode, response.ContentType, response.Content));
    }

    [Fact]
    public async Task ExecuteAsync_ExchangeOfAnotherInstance_IsNotAnsweredAndTheActivityFaults()
    {
        await using var harness = new EngineHarness();
        using var exchange = HttpExchange.Open("someone-else");

        var result = await harness.RunAsync(Flow(("content", FlowBuilder.Literal("hi"))), new StartRequest { InstanceId = "instance-3" });

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("No HTTP request is waiting", Assert.Single(result.State.Incidents).Message);
        Assert.False(exchange.Answered.IsCompleted);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class HttpEndpointTests
{
    private static readonly HttpRequestData Request = new("POST", "orders/17", new() { ["id"] = "17" }, new() { ["rush"] = "yes" },
        new() { ["X-Shop"] = "kitchen" }, new Dictionary<string, object?> { ["qty"] = 2 });

    // start → order (HttpEndpoint orders/{id}, parsedContent bound to the variable "Body") → show (WriteLine)
    private static string Flow(bool trigger = false, params (string Name, JsonNode? Value)[] inputs)
    {
        var properties = new Dictionary<string, JsonNode?>
        {
            ["path"] = FlowBuilder.Literal("/orders/{id}"),
            ["supportedMethods"] = FlowBuilder.Literal("[\"POST\", \"put\"]"),
            ["parsedContent"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Body" } },
        };
        foreach (var (name, value) in trigger ? [.. inputs, FlowBuilder.CanStartWorkflow] : inputs)
        {
            properties[name] = value;
        }

        return new FlowBuilder("http-flow")
        .Variable("Body", "Object")
        .Add("start", "Elsa.Start")
        .Add("order", "Elsa.HttpEndpoint", [.. properties.Select(p => (p.Key, p.Value))])
        .Add("show", "Elsa.WriteLine", ("text", FlowBuilder.Js("getOutputFrom('order').routeData.id + ' x' + getVariable('Body').qty + ' ' + getOutputFrom('order').queryStringData.rush")))
        .Chain("start", "order", "show")
        .Json;
    }

    [Fact]
    public async Task Describe_LiteralInputs_AreTheRouteItListensOn()
    {
        await using var harness = new EngineHarness();

        var workflow = harness.Compile(Flow(trigger: true, ("authorize", FlowBuilder.Literal(true)), ("policy", FlowBuilder.Literal("designer")), ("requestTimeout", FlowBuilder.Literal("00:00:05"))));

        var trigger = Assert.Single(workflow.Triggers);
        Assert.Equal(new HttpEndpointRoute("orders/{id}", ["POST", "PUT"], true, "designer", TimeSpan.FromSeconds(5)), trigger.ListensFor.Http);
    }

    [Fact]
    public void Describe_ObjectExpressionOfMethods_IsReadAsTheJsonItHolds()
    {
        // Elsa writes the methods as an Object expression; it is a constant, known before any instance exists.
        var node = new ActivityNode
        {
            Id = "hello",
            Type = "Elsa.HttpEndpoint",
            Inputs =
            {
                ["path"] = new ActivityInput { Expression = WorkflowExpression.Literal("hello-world") },
                ["supportedMethods"] = new ActivityInput { Expression = new WorkflowExpression("Object", JsonValue.Create("[\"GET\",\"HEAD\"]")) },
            },
        };

        var endpoint = (ITrigger)Engine.Activities.BuiltIn.BuiltInActivities.Register(new ActivityRegistry()).Bind(node)!;

        Assert.Equal(new HttpEndpointRoute("hello-world", ["GET", "HEAD"], false, null, null), endpoint.Describe().Http);
    }

    [Fact]
    public async Task Describe_PathAsAnExpression_ListensForNothing()
    {
        await using var harness = new EngineHarness();

        var workflow = harness.Compile(Flow(true, ("path", FlowBuilder.Js("'orders'"))));

        Assert.Same(TriggerDescription.Nothing, Assert.Single(workflow.Triggers).ListensFor);
    }

    [Fact]
    public async Task ExecuteAsync_InAFlow_WaitsOnABookmarkNamedByItsPathThatKeepsTheRoute()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow());

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal("http:orders/{id}", bookmark.Name);
        Assert.Equal(new HttpEndpointRoute("orders/{id}", ["POST", "PUT"], false, null, null), HttpEndpointRoute.FromPayload(bookmark.Payload));
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
    }

    [Fact]
    public async Task ResumeAsync_WithARequest_GivesElsasOutputsAndBindsTheParsedBody()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Flow());
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());

        var resumed = await harness.Runner.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id, Request.ToPayload());

        Assert.Equal(["17 x2 yes"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task ResumeAsync_WithAnEventsPayload_KeepsWaiting()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Flow());
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());

        var resumed = await harness.Runner.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id, new Dictionary<string, object?> { ["qty"] = 1 });

        Assert.Equal("http:orders/{id}", Assert.Single(resumed.State.Bookmarks).Name);
        Assert.Empty(EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Suspended, resumed.State.SubStatus);
    }

    [Fact]
    public async Task StartAsync_FromTheTrigger_RunsWithTheRequest()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Flow(trigger: true));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest { TriggerActivityId = "order", TriggerPayload = Request.ToPayload() });

        Assert.Equal(["17 x2 yes"], EngineHarness.Lines(result.Journal));
    }

    [Theory]
    [InlineData("path", "orders/{id", "$.root.activities[1].path.expression.value")]
    [InlineData("supportedMethods", "[\"FETCH\"]", "$.root.activities[1].supportedMethods.expression.value")]
    [InlineData("supportedMethods", "GET", "$.root.activities[1].supportedMethods.expression.value")]
    public async Task Validate_BadPathOrMethods_AreErrorsAtTheirPath(string input, string value, string path)
    {
        await using var harness = new EngineHarness();

        var error = Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(Flow(false, (input, FlowBuilder.Literal(value)))));

        Assert.Contains(error.Errors, e => e.Path == path);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Strategies;

namespace KitchenWorkflows.Engine.Tests.Strategies;

/// <summary>Elsa's activation strategies refuse a start while a matching instance runs, in the in-memory runtime.</summary>
public sealed class ActivationStrategyTests
{
    private const string Singleton = "Elsa.Workflows.Runtime.ActivationValidators.SingletonStrategy, Elsa.Workflows.Runtime";
    private const string Correlation = "Elsa.Workflows.Runtime.ActivationValidators.CorrelationStrategy, Elsa.Workflows.Runtime";
    private const string CorrelatedSingleton = "Elsa.Workflows.Runtime.ActivationValidators.CorrelatedSingletonStrategy, Elsa.Workflows.Runtime";

    // Waits for the event "Go" and then ends, so an instance is running until the event comes.
    private static WorkflowDefinition Waiting(string definitionId, string? activationStrategyType)
    {
        var json = JsonNode.Parse(new FlowBuilder(definitionId)
            .Add("start", "Elsa.Start")
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go")))
            .Chain("start", "wait")
            .Json)!.AsObject();
        json["options"] = new JsonObject { ["activationStrategyType"] = activationStrategyType };
        return WorkflowDefinitionSerializer.Deserialize(json);
    }

    private static Task<RunResult> Start(EngineHarness harness, string definitionId, string? correlationId = null) =>
        harness.Runtime.StartAsync(definitionId, new StartRequest { CorrelationId = correlationId });

    [Fact]
    public async Task Singleton_RefusesWhileOneRuns_AndAllowsOnceItEnded()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(Waiting("single", Singleton));
        await Start(harness, "single", "c-1");

        var refused = await Assert.ThrowsAsync<ActivationRefusedException>(() => Start(harness, "single", "c-2"));
        Assert.Contains("single", refused.Message, StringComparison.Ordinal);

        await harness.Runtime.PublishEventAsync("Go", correlationId: null, payload: null);
        var again = await Start(harness, "single");
        Assert.Equal(WorkflowSubStatus.Suspended, again.State.SubStatus);
    }

    [Fact]
    public async Task Correlation_RefusesAnyDefinitionWithTheSameCorrelation()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(Waiting("first", activationStrategyType: null));
        harness.Runtime.Publish(Waiting("second", Correlation));
        await Start(harness, "first", "order-7");

        await Assert.ThrowsAsync<ActivationRefusedException>(() => Start(harness, "second", "order-7"));
        Assert.Equal(WorkflowSubStatus.Suspended, (await Start(harness, "second", "order-8")).State.SubStatus);
    }

    [Fact]
    public async Task CorrelatedSingleton_RefusesOnlyTheSameDefinitionAndCorrelation()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(Waiting("other", activationStrategyType: null));
        harness.Runtime.Publish(Waiting("claims", CorrelatedSingleton));
        await Start(harness, "claims", "order-7");
        await Start(harness, "other", "order-8");

        await Assert.ThrowsAsync<ActivationRefusedException>(() => Start(harness, "claims", "order-7"));
        Assert.Equal(WorkflowSubStatus.Suspended, (await Start(harness, "claims", "order-8")).State.SubStatus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Elsa.Workflows.ActivationValidators.AllowAlwaysStrategy, Elsa.Workflows.Core")]
    public async Task AlwaysOrNone_StartsAsManyAsAsked(string? activationStrategyType)
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(Waiting("many", activationStrategyType));

        await Start(harness, "many", "c");
        var second = await Start(harness, "many", "c");

        Assert.Equal(WorkflowSubStatus.Suspended, second.State.SubStatus);
    }

    [Fact]
    public async Task EventTrigger_RefusedBySingleton_StartsNothing()
    {
        await using var harness = new EngineHarness();
        var json = JsonNode.Parse(new FlowBuilder("triggered")
            .Add("wake", "Elsa.Event", ("eventName", FlowBuilder.Literal("Wake")), FlowBuilder.CanStartWorkflow)
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go")))
            .Chain("wake", "wait")
            .Json)!.AsObject();
        json["options"] = new JsonObject { ["activationStrategyType"] = Singleton };
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(json));

        var first = await harness.Runtime.PublishEventAsync("Wake", correlationId: null, payload: null);
        var second = await harness.Runtime.PublishEventAsync("Wake", correlationId: null, payload: null);

        Assert.Single(first);
        Assert.Empty(second);
    }
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class PublishEventTests
{
    private static readonly string Waiter = new FlowBuilder("waiter")
        .Add("start", "Elsa.Start")
        .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Approved")))
        .Add("show", "Elsa.WriteLine", ("text", FlowBuilder.Js("'approved by ' + getOutputFrom('wait').by")))
        .Chain("start", "wait", "show")
        .Json;

    private static string Publisher(string? correlationId) => new FlowBuilder("publisher")
        .Add("start", "Elsa.Start")
        .Add("publish", "Elsa.PublishEvent",
            ("eventName", FlowBuilder.Literal("Approved")),
            ("correlationId", FlowBuilder.Literal(correlationId ?? "")),
            ("payload", FlowBuilder.Js("({ by: 'ops' })")))
        .Chain("start", "publish")
        .Json;

    [Fact]
    public async Task ExecuteAsync_Event_IsHandedToTheHostNotDeliveredDuringTheRun()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Publisher("case-1"));

        var published = Assert.Single(result.PublishedEvents);
        Assert.Equal("Approved", published.EventName);
        Assert.Equal("case-1", published.CorrelationId);
        Assert.Equal("ops", Assert.IsType<Dictionary<string, object?>>(published.Payload)["by"]);
    }

    [Fact]
    public async Task Runtime_AnotherInstanceWaits_DeliversTheEventAfterThePublisherIsSaved()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Waiter));
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Publisher("case-1")));
        var waiter = await harness.Runtime.StartAsync("waiter", new StartRequest { CorrelationId = "case-1" });
        var other = await harness.Runtime.StartAsync("waiter", new StartRequest { CorrelationId = "case-2" });

        var publisher = await harness.Runtime.StartAsync("publisher", new StartRequest());
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(publisher.State.Id)!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(waiter.State.Id)!.SubStatus);
        Assert.Equal(["approved by ops"], EngineHarness.Lines(harness.Runtime.GetJournal(waiter.State.Id)));
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(other.State.Id)!.SubStatus);
    }

    [Fact]
    public async Task Runtime_NoCorrelation_DeliversToEveryWaitingInstance()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Waiter));
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Publisher(null)));
        var first = await harness.Runtime.StartAsync("waiter", new StartRequest { CorrelationId = "case-1" });
        var second = await harness.Runtime.StartAsync("waiter", new StartRequest());

        await harness.Runtime.StartAsync("publisher", new StartRequest());
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(first.State.Id)!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(second.State.Id)!.SubStatus);
    }
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class EventTests
{
    // start → paid (Event "Paid") → show (WriteLine getOutputFrom('paid').amount)
    private static string Flow(bool trigger = false) => new FlowBuilder("event-flow")
        .Add("start", "Elsa.Start")
        .Add("paid", "Elsa.Event", trigger ? [("eventName", FlowBuilder.Literal("Paid")), FlowBuilder.CanStartWorkflow] : [("eventName", FlowBuilder.Literal("Paid"))])
        .Add("show", "Elsa.WriteLine", ("text", FlowBuilder.Js("'paid ' + getOutputFrom('paid').amount")))
        .Chain("start", "paid", "show")
        .Json;

    [Fact]
    public async Task ExecuteAsync_InstanceWithCorrelation_WaitsOnABookmarkCarryingIt()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow(), new StartRequest { CorrelationId = "order-7" });

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal("Paid", bookmark.Name);
        Assert.Equal("order-7", bookmark.CorrelationId);
        Assert.Null(bookmark.DueAt);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
    }

    [Fact]
    public async Task ResumeAsync_WithPayload_MakesThePayloadTheResult()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Flow());
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());

        var resumed = await harness.Runner.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id,
            new Dictionary<string, object?> { ["amount"] = 1500 });

        Assert.Equal(["paid 1500"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(1500, Assert.IsType<Dictionary<string, object?>>(resumed.State.ActivityOutputs["paid"])["amount"]);
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task Runtime_EventWithAnotherCorrelation_LeavesTheInstanceWaiting()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));
        var seven = await harness.Runtime.StartAsync("event-flow", new StartRequest { CorrelationId = "order-7" });
        var eight = await harness.Runtime.StartAsync("event-flow", new StartRequest { CorrelationId = "order-8" });

        var touched = await harness.Runtime.PublishEventAsync("Paid", "order-8", new Dictionary<string, object?> { ["amount"] = 10 });

        Assert.Equal([eight.State.Id], touched);
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(seven.State.Id)!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(eight.State.Id)!.SubStatus);
        Assert.Equal(["paid 10"], EngineHarness.Lines(harness.Runtime.GetJournal(eight.State.Id)));
    }

    [Fact]
    public async Task Runtime_EventTrigger_StartsAnInstanceThatRunsFromTheTriggerWithThePayload()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow(trigger: true)));

        var touched = await harness.Runtime.PublishEventAsync("Paid", "order-9", new Dictionary<string, object?> { ["amount"] = 99 });

        var instance = harness.Runtime.GetInstance(Assert.Single(touched))!;
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal("order-9", instance.CorrelationId);
        Assert.Equal(["paid 99"], EngineHarness.Lines(harness.Runtime.GetJournal(instance.Id)));
        Assert.DoesNotContain(harness.Runtime.GetJournal(instance.Id), e => e.ActivityId == "start");
    }

    [Fact]
    public async Task Runtime_EventNameOfNoTrigger_StartsNothing()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow(trigger: true)));

        var touched = await harness.Runtime.PublishEventAsync("Refunded", null, null);

        Assert.Empty(touched);
    }
}

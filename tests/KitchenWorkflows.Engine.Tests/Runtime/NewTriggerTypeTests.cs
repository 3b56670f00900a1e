using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Runtime;

/// <summary>
/// A trigger type the engine does not know is one class: the in-memory runtime starts it on the event and the
/// schedule it describes, without knowing its type.
/// </summary>
public sealed class NewTriggerTypeTests
{
    private static WorkflowDefinition Flow() => WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("doorbell-flow")
        .Add("bell", "Test.Doorbell", ("door", FlowBuilder.Literal("front")), FlowBuilder.CanStartWorkflow)
        .Add("record", "Test.Record")
        .Chain("bell", "record")
        .Json);

    private static EngineHarness Harness(TestProbe probe) => new(
        registry => TestActivities.Register(registry.Register<DoorbellTrigger>()),
        services => services.AddSingleton(probe));

    [Fact]
    public async Task PublishEventAsync_TheEventANewTriggerTypeDescribes_StartsAnInstanceWithThePayload()
    {
        var probe = new TestProbe();
        await using var harness = Harness(probe);
        harness.Runtime.Publish(Flow());

        var touched = await harness.Runtime.PublishEventAsync("doorbell:front", null, "ding");

        var instance = harness.Runtime.GetInstance(Assert.Single(touched))!;
        Assert.Equal(WorkflowSubStatus.Finished, instance.SubStatus);
        Assert.Equal("ding", instance.ActivityOutputs["bell"]);
        Assert.Empty(await harness.Runtime.PublishEventAsync("doorbell:back", null, null));
    }

    [Fact]
    public async Task Publish_ANewTriggerTypeWithASchedule_StartsAnInstanceAtEachOccurrence()
    {
        var probe = new TestProbe();
        await using var harness = Harness(probe);
        harness.Runtime.Publish(Flow());

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(2, probe.Records.Select(r => r.InstanceId).Distinct().Count());
    }
}

/// <summary>Listens for <c>doorbell:{door}</c> and rings on the hour; its payload, if any, becomes its result.</summary>
[Activity("Test.Doorbell", Description = "A trigger type of the tests.")]
internal sealed class DoorbellTrigger : Activity, ITrigger
{
    [Input(Required = true)]
    public Input<string> Door { get; set; } = new();

    public TriggerDescription Describe() => new() { EventName = "doorbell:" + Door.Literal, Schedule = TriggerSchedule.Cron("0 * * * *") };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.TryTakeTriggerPayload(out var payload))
        {
            context.SetResult(payload);
        }

        return ValueTask.FromResult(ActivityResult.Done);
    }
}

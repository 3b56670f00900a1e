using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class TimerTests
{
    private static string Flow(bool trigger) => new FlowBuilder("timer-flow")
        .Add("timer", "Elsa.Timer", trigger
            ? [("interval", FlowBuilder.Literal("00:15:00")), FlowBuilder.CanStartWorkflow]
            : [("interval", FlowBuilder.Literal("00:15:00"))])
        .Add("record", "Test.Record")
        .Chain("timer", "record")
        .Json;

    [Fact]
    public async Task ExecuteAsync_InsideAFlow_LeavesADueTimeBookmarkAtNowPlusTheInterval()
    {
        await using var harness = new EngineHarness(TestActivities.Register);

        var result = await harness.RunAsync(Flow(trigger: false));

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(15), bookmark.DueAt);
        Assert.Equal("Elsa.Timer", bookmark.Name);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
    }

    [Fact]
    public async Task ResumeAsync_DueTimeReached_CompletesThroughDone()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        var workflow = harness.Compile(Flow(trigger: false));
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());
        harness.Clock.Advance(TimeSpan.FromMinutes(15));

        var resumed = await harness.Runner.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id, payload: null);

        Assert.Equal(["Done"], resumed.Journal[0].Outcomes);
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Single(probe.Records);
    }

    [Fact]
    public async Task Runtime_TimerTrigger_StartsAnInstanceEveryInterval()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        var publishedAt = harness.Clock.GetUtcNow();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow(trigger: true)));

        for (var i = 0; i < 3; i++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(15));
            await harness.Runtime.WhenIdleAsync();
        }

        Assert.Equal(
            [publishedAt.AddMinutes(15), publishedAt.AddMinutes(30), publishedAt.AddMinutes(45)],
            probe.Records.Select(r => r.At));
        Assert.Equal(3, probe.Records.Select(r => r.InstanceId).Distinct().Count());
        Assert.All(probe.Records, r => Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(r.InstanceId)!.SubStatus));
    }
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class CronTests
{
    // The harness clock starts on Tuesday 2026-11-24 09:00 UTC.
    private static string Flow(string expression, bool trigger) => new FlowBuilder("cron-flow")
        .Add("cron", "Elsa.Cron", trigger
            ? [("cronExpression", FlowBuilder.Literal(expression)), FlowBuilder.CanStartWorkflow]
            : [("cronExpression", FlowBuilder.Literal(expression))])
        .Add("record", "Test.Record")
        .Chain("cron", "record")
        .Json;

    [Theory]
    [InlineData("30 9 * * *", "2026-11-24T09:30:00Z")]
    [InlineData("0 9 * * *", "2026-11-25T09:00:00Z")]
    [InlineData("0 8 * * 1-5", "2026-11-25T08:00:00Z")]
    [InlineData("15 0 9 * * *", "2026-11-24T09:00:15Z")]
    public async Task ExecuteAsync_InsideAFlow_LeavesABookmarkAtTheNextOccurrence(string expression, string expected)
    {
        await using var harness = new EngineHarness(TestActivities.Register);

        var result = await harness.RunAsync(Flow(expression, trigger: false));

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bookmark.DueAt);
        Assert.Equal("Elsa.Cron", bookmark.Name);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
    }

    [Fact]
    public async Task Runtime_InsideAFlow_ContinuesAtTheOccurrence()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow("30 9 * * *", trigger: false)));
        var started = await harness.Runtime.StartAsync("cron-flow", new StartRequest());

        harness.Clock.Advance(TimeSpan.FromMinutes(30));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero), Assert.Single(probe.Records).At);
    }

    [Fact]
    public async Task Runtime_CronTrigger_StartsAnInstanceAtEachOccurrence()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow("0 * * * *", trigger: true)));

        harness.Clock.Advance(TimeSpan.FromMinutes(59));
        await harness.Runtime.WhenIdleAsync();
        Assert.Empty(probe.Records);

        for (var i = 0; i < 3; i++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(1));
            await harness.Runtime.WhenIdleAsync();
        }

        Assert.Equal(3, probe.Records.Count);
        Assert.Equal(3, probe.Records.Select(r => r.InstanceId).Distinct().Count());
        Assert.All(probe.Records, r => Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(r.InstanceId)!.SubStatus));
    }

    [Fact]
    public async Task Runtime_CronTriggerAndTheClockJumpsPastSeveralOccurrences_StartsOneInstancePerOccurrence()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow("0 * * * *", trigger: true)));

        harness.Clock.Advance(TimeSpan.FromHours(3));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(3, probe.Records.Select(r => r.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task Runtime_TriggerRepublishedWithoutCron_StopsStartingInstances()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow("0 * * * *", trigger: true)));
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("cron-flow", version: 2).Add("record", "Test.Record").Json));

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Runtime.WhenIdleAsync();

        Assert.Empty(probe.Records);
    }
}

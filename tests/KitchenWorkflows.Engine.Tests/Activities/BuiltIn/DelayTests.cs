using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class DelayTests
{
    private static string Flow(string span) => new FlowBuilder()
        .Add("start", "Elsa.Start")
        .Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal(span)))
        .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
        .Chain("start", "wait", "after")
        .Json;

    [Fact]
    public async Task ExecuteAsync_Span_LeavesADueTimeBookmarkAtNowPlusTheSpan()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("01:30:00"));

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal(harness.Clock.GetUtcNow() + TimeSpan.FromMinutes(90), bookmark.DueAt);
        Assert.Equal("Elsa.Delay", bookmark.Name);
        Assert.Equal("wait", bookmark.ActivityId);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        Assert.Equal(JournalEntryStatus.Suspended, result.Journal[^1].Status);
        Assert.Equal([bookmark], result.CreatedBookmarks);
    }

    [Fact]
    public async Task ResumeAsync_DueTimeReached_CompletesThroughDone()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Flow("00:00:30"));
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());
        harness.Clock.Advance(TimeSpan.FromSeconds(30));

        var resumed = await harness.Runner.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id, payload: null);

        Assert.Equal(["Done"], resumed.Journal[0].Outcomes);
        Assert.Equal(["after"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task ExecuteAsync_SpanFromScript_UsesTheEvaluatedSpan()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Js("getInput('minutes') * 60")))
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["minutes"] = 3 } });

        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(3), Assert.Single(result.State.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Runtime_DelayDue_ResumesWhenTheClockPassesTheDueTime()
    {
        await using var harness = new EngineHarness();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow("00:10:00")));
        var started = await harness.Runtime.StartAsync("test-flow", new StartRequest());

        harness.Clock.Advance(TimeSpan.FromMinutes(9));
        await harness.Runtime.WhenIdleAsync();
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Equal(["after"], EngineHarness.Lines(harness.Runtime.GetJournal(started.State.Id)));
    }
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>
/// One activity waiting on two bookmarks at once (<see cref="ActivityResult.SuspendUntilFirst"/>): the first one
/// resumed wins and removes the other; and faults an activity marks as not retryable.
/// </summary>
public sealed class WorkflowRunnerFirstOfBookmarksTests
{
    // start → answer-or-timeout (event "answer" correlated, or one hour) → Answered / TimedOut → end
    private static string Flow() => new FlowBuilder("first-of")
        .Add("start", "Elsa.Start")
        .Add("wait", "Test.AnswerOrTimeout")
        .Add("answered", "Elsa.WriteLine", ("text", FlowBuilder.Literal("answered")))
        .Add("timedOut", "Elsa.WriteLine", ("text", FlowBuilder.Literal("timed out")))
        .Connect("start", "wait")
        .Connect("wait", "answered", "Answered")
        .Connect("wait", "timedOut", "TimedOut")
        .Json;

    [Fact]
    public async Task SuspendUntilFirst_Executed_MakesBothBookmarksInOneGroup()
    {
        await using var harness = new EngineHarness(r => r.Register<AnswerOrTimeoutActivity>());
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));

        var started = await harness.Runtime.StartAsync("first-of", new StartRequest { CorrelationId = "c-1" });

        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        Assert.Equal(2, started.State.Bookmarks.Count);
        Assert.Single(started.State.Bookmarks.Select(b => b.GroupId).Distinct());
        Assert.NotNull(started.State.Bookmarks[0].GroupId);
        Assert.Equal(JournalEntryStatus.Suspended, started.Journal.Single(e => e.ActivityId == "wait").Status);
    }

    [Fact]
    public async Task ResumeAsync_EventFirst_RemovesTheDueTimeSiblingSoTheTimerFindsNothing()
    {
        await using var harness = new EngineHarness(r => r.Register<AnswerOrTimeoutActivity>());
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));
        var id = (await harness.Runtime.StartAsync("first-of", new StartRequest { CorrelationId = "c-1" })).State.Id;

        Assert.Equal([id], await harness.Runtime.PublishEventAsync("answer", "c-1", "yes"));
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Runtime.WhenIdleAsync();

        var state = harness.Runtime.GetInstance(id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(["answered"], EngineHarness.Lines(harness.Runtime.GetJournal(id)));
    }

    [Fact]
    public async Task ResumeAsync_DueTimeFirst_RemovesTheEventSiblingSoTheEventFindsNothing()
    {
        await using var harness = new EngineHarness(r => r.Register<AnswerOrTimeoutActivity>());
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));
        var id = (await harness.Runtime.StartAsync("first-of", new StartRequest { CorrelationId = "c-1" })).State.Id;

        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Runtime.WhenIdleAsync();

        Assert.Empty(await harness.Runtime.PublishEventAsync("answer", "c-1", "too late"));
        var state = harness.Runtime.GetInstance(id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal(["timed out"], EngineHarness.Lines(harness.Runtime.GetJournal(id)));
    }

    [Fact]
    public async Task StartAsync_FaultNotRetryableWithRetryPolicy_FaultsAtOnce()
    {
        await using var harness = new EngineHarness(r => r.Register<PermanentFaultActivity>());
        var json = new FlowBuilder()
            .Add("fault", "Test.PermanentFault", ("retryPolicy", new System.Text.Json.Nodes.JsonObject { ["maxAttempts"] = 5, ["initialDelay"] = 5 }))
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("cannot be fixed by repeating", incident.Message);
        Assert.Equal(1, incident.Attempts);
    }

    [Activity("Test.AnswerOrTimeout", Description = "Waits for an answer event or one hour, whichever comes first.", Outcomes = ["Answered", "TimedOut"])]
    internal sealed class AnswerOrTimeoutActivity : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
            ValueTask.FromResult(ActivityResult.SuspendUntilFirst(
                new BookmarkRequest("answer", context.Workflow.State.CorrelationId),
                new BookmarkRequest(Node.Type, DueAt: context.Now.AddHours(1))));

        public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload) =>
            ValueTask.FromResult(ActivityResult.Complete(bookmark.DueAt is null ? "Answered" : "TimedOut"));
    }

    [Activity("Test.PermanentFault", Description = "Faults with a failure that repeating cannot fix.")]
    internal sealed class PermanentFaultActivity : Activity
    {
        public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
            ValueTask.FromResult(ActivityResult.Fault("cannot be fixed by repeating", retryable: false));
    }
}

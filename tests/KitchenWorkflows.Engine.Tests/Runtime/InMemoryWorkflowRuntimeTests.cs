using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Runtime;

public sealed class InMemoryWorkflowRuntimeTests
{
    private static WorkflowDefinition Waiting(string id = "waiting") => WorkflowDefinitionSerializer.Deserialize(new FlowBuilder(id)
        .Add("start", "Elsa.Start")
        .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go")))
        .Add("record", "Test.Record")
        .Chain("start", "wait", "record")
        .Json);

    [Fact]
    public async Task TryResumeAsync_SameBookmarkTwiceConcurrently_ResumesExactlyOnce()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(Waiting());
        var started = await harness.Runtime.StartAsync("waiting", new StartRequest());
        var bookmarkId = started.State.Bookmarks.Single().Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => harness.Runtime.TryResumeAsync(started.State.Id, bookmarkId, payload: i))));

        Assert.Single(results, r => r is not null);
        Assert.Single(probe.Records);
        Assert.Single(harness.Runtime.GetJournal(started.State.Id), e => e.ActivityId == "wait" && e.Status == JournalEntryStatus.Completed);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
    }

    [Fact]
    public async Task TryResumeAsync_UnknownBookmarkOrInstance_ReturnsNull()
    {
        await using var harness = TestActivities.Harness(new TestProbe());
        harness.Runtime.Publish(Waiting());
        var started = await harness.Runtime.StartAsync("waiting", new StartRequest());

        Assert.Null(await harness.Runtime.TryResumeAsync(started.State.Id, "no-such-bookmark", null));
        Assert.Null(await harness.Runtime.TryResumeAsync("no-such-instance", "no-such-bookmark", null));
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
    }

    [Fact]
    public async Task StartAsync_UnpublishedDefinition_Throws()
    {
        await using var harness = new EngineHarness();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => harness.Runtime.StartAsync("nope", new StartRequest()));
    }

    [Fact]
    public async Task Publish_NewVersion_KeepsRunningInstancesOnTheirVersion()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(Waiting());
        var old = await harness.Runtime.StartAsync("waiting", new StartRequest());
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("waiting", version: 2).Add("record", "Test.Record").Json));

        var touched = await harness.Runtime.PublishEventAsync("Go", null, null);

        Assert.Equal([old.State.Id], touched);
        var state = harness.Runtime.GetInstance(old.State.Id)!;
        Assert.Equal((1, WorkflowSubStatus.Finished), (state.DefinitionVersion, state.SubStatus));
    }

    [Fact]
    public async Task CancelAsync_WaitingOnADelay_CancelsAndTheTimerDoesNothing()
    {
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("delayed")
            .Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal("00:01:00")))
            .Add("record", "Test.Record")
            .Chain("wait", "record")
            .Json));
        var started = await harness.Runtime.StartAsync("delayed", new StartRequest());

        await harness.Runtime.CancelAsync(started.State.Id);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Cancelled, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Empty(probe.Records);
    }

    // start → fork ─A─→ wait (Delay 1 min) → record
    //              └B─→ flaky (fails once, no retry policy)
    [Fact]
    public async Task RetryAsync_DelayOnAnotherBranchFellDueWhileFaulted_ResumesItAfterTheRetry()
    {
        var probe = new TestProbe { FailuresLeft = 1 };
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("parallel")
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new System.Text.Json.Nodes.JsonArray("A", "B"))))
            .Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal("00:01:00")))
            .Add("record", "Test.Record")
            .Add("flaky", "Test.Flaky")
            .Chain("start", "fork")
            .Connect("fork", "wait", "A")
            .Connect("fork", "flaky", "B")
            .Chain("wait", "record")
            .Json));
        var started = await harness.Runtime.StartAsync("parallel", new StartRequest());
        Assert.Equal(WorkflowSubStatus.Faulted, started.State.SubStatus);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Runtime.WhenIdleAsync();

        await harness.Runtime.RetryAsync(started.State.Id);
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Contains(probe.Records, r => r.ActivityId == "record");
    }

    [Fact]
    public async Task PublishEventAsync_EventPublishedToItself_IsDeliveredOnceTheRunIsSaved()
    {
        // start → fork ─A─→ wait (Event "Self") → record
        //              └B─→ publish ("Self")
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("self")
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new System.Text.Json.Nodes.JsonArray("A", "B"))))
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Self")))
            .Add("record", "Test.Record")
            .Add("publish", "Elsa.PublishEvent", ("eventName", FlowBuilder.Literal("Self")))
            .Chain("start", "fork")
            .Connect("fork", "wait", "A")
            .Connect("fork", "publish", "B")
            .Chain("wait", "record")
            .Json));

        var started = await harness.Runtime.StartAsync("self", new StartRequest());
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);
        Assert.Single(probe.Records);
    }

    [Fact]
    public async Task GetJournal_SeveralRuns_KeepsEveryEntryInSequence()
    {
        await using var harness = TestActivities.Harness(new TestProbe());
        harness.Runtime.Publish(Waiting());
        var started = await harness.Runtime.StartAsync("waiting", new StartRequest());

        await harness.Runtime.PublishEventAsync("Go", null, null);

        var journal = harness.Runtime.GetJournal(started.State.Id);
        Assert.Equal(["start", "wait", "wait", "record"], journal.Select(e => e.ActivityId));
        Assert.Equal([1L, 2L, 3L, 4L], journal.Select(e => e.Sequence));
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>Retry policies: back-off math, retry bookmarks and the journal, driven by the fake clock.</summary>
public sealed class WorkflowRunnerRetryTests
{
    private static readonly JsonObject Policy = new() { ["maxAttempts"] = 3, ["initialDelay"] = "00:00:10", ["backoffMultiplier"] = 2 };

    // start → flaky (retryPolicy: 3 attempts, 10 s, ×2) → after
    private static string Flow() => new FlowBuilder("retry-flow")
        .Add("start", "Elsa.Start")
        .Add("flaky", "Test.Flaky", ("retryPolicy", Policy.DeepClone()))
        .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
        .Chain("start", "flaky", "after")
        .Json;

    [Theory]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 80)]
    public void DelayBefore_Attempt_GrowsByTheMultiplier(int nextAttempt, int expectedSeconds)
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(10), BackoffMultiplier = 2 };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.DelayBefore(nextAttempt));
    }

    [Theory]
    [InlineData(4, 60)]
    [InlineData(30, 60)]
    [InlineData(2000, 60)]
    public void DelayBefore_BeyondTheCap_IsTheMaxDelay(int nextAttempt, int expectedSeconds)
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(20), BackoffMultiplier = 3, MaxDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.DelayBefore(nextAttempt));
    }

    [Fact]
    public void DelayBefore_MultiplierOne_KeepsTheInitialDelay()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(7), BackoffMultiplier = 1 };

        Assert.Equal([7d, 7d, 7d], new[] { 2, 3, 10 }.Select(a => policy.DelayBefore(a).TotalSeconds));
    }

    [Fact]
    public async Task Runtime_FailsTwiceThenSucceeds_RetriesAtTheBackOffTimesAndFinishes()
    {
        var probe = new TestProbe { FailuresLeft = 2 };
        await using var harness = TestActivities.Harness(probe);
        var t0 = harness.Clock.GetUtcNow();
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));

        var started = await harness.Runtime.StartAsync("retry-flow", new StartRequest());
        var firstRetry = Assert.Single(started.State.Bookmarks);
        Assert.Equal(Bookmark.RetryName, firstRetry.Name);
        Assert.Equal(t0.AddSeconds(10), firstRetry.DueAt);
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);

        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Runtime.WhenIdleAsync();
        var secondRetry = Assert.Single(harness.Runtime.GetInstance(started.State.Id)!.Bookmarks);
        Assert.Equal(t0.AddSeconds(30), secondRetry.DueAt);

        harness.Clock.Advance(TimeSpan.FromSeconds(19));
        await harness.Runtime.WhenIdleAsync();
        Assert.Equal(2, probe.Records.Count);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.Runtime.WhenIdleAsync();

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Empty(state.Incidents);
        Assert.Empty(state.FailedAttempts);
        Assert.Equal([(1, t0), (2, t0.AddSeconds(10)), (3, t0.AddSeconds(30))], probe.Records.Select(r => (r.Attempt, r.At)));
        Assert.Single(probe.Records.Select(r => r.IdempotencyKey).Distinct());
        var journal = harness.Runtime.GetJournal(started.State.Id).Where(e => e.ActivityId == "flaky").ToList();
        Assert.Equal([JournalEntryStatus.Retrying, JournalEntryStatus.Retrying, JournalEntryStatus.Completed], journal.Select(e => e.Status));
        Assert.Contains("attempt 1", journal[0].Error, StringComparison.Ordinal);
        Assert.Equal(["after"], EngineHarness.Lines(harness.Runtime.GetJournal(started.State.Id)));
    }

    [Fact]
    public async Task Runtime_FailsEveryAttempt_FaultsWithTheAttemptCount()
    {
        var probe = new TestProbe { FailuresLeft = int.MaxValue };
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));

        var started = await harness.Runtime.StartAsync("retry-flow", new StartRequest());
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Runtime.WhenIdleAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        await harness.Runtime.WhenIdleAsync();

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Faulted, state.SubStatus);
        var incident = Assert.Single(state.Incidents);
        Assert.Equal(3, incident.Attempts);
        Assert.Equal("flaky", incident.ActivityId);
        Assert.Contains("attempt 3", incident.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, incident.ExceptionType);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(3, probe.Records.Count);
        var statuses = harness.Runtime.GetJournal(started.State.Id).Where(e => e.ActivityId == "flaky").Select(e => e.Status);
        Assert.Equal([JournalEntryStatus.Retrying, JournalEntryStatus.Retrying, JournalEntryStatus.Faulted], statuses);

        // Nothing more happens however long the clock runs.
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Runtime.WhenIdleAsync();
        Assert.Equal(3, probe.Records.Count);
    }

    [Fact]
    public async Task Runtime_RetryAfterExhaustedAttempts_GetsAFreshPolicyAndFinishes()
    {
        var probe = new TestProbe { FailuresLeft = 4 };
        await using var harness = TestActivities.Harness(probe);
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(Flow()));
        var started = await harness.Runtime.StartAsync("retry-flow", new StartRequest());
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Runtime.WhenIdleAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        await harness.Runtime.WhenIdleAsync();
        Assert.Equal(WorkflowSubStatus.Faulted, harness.Runtime.GetInstance(started.State.Id)!.SubStatus);

        var retried = await harness.Runtime.RetryAsync(started.State.Id);
        Assert.Equal(WorkflowSubStatus.Suspended, retried.State.SubStatus);
        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await harness.Runtime.WhenIdleAsync();

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.True(Assert.Single(state.Incidents).Resolved);
        Assert.Equal(5, probe.Records.Count);
        Assert.Equal([1, 2, 3, 1, 2], probe.Records.Select(r => r.Attempt));
        Assert.Single(probe.Records.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task StartAsync_FaultResultWithRetryPolicy_IsRetriedToo()
    {
        // A fault the activity reports (no exception) follows the policy like a thrown one.
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("fault", "Elsa.Fault", ("message", FlowBuilder.Literal("not yet")), ("retryPolicy", new JsonObject { ["maxAttempts"] = 2, ["initialDelay"] = 5 }))
            .Json;
        var workflow = harness.Compile(json);

        var first = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal(JournalEntryStatus.Retrying, Assert.Single(first.Journal).Status);
        Assert.Equal(harness.Clock.GetUtcNow().AddSeconds(5), Assert.Single(first.State.Bookmarks).DueAt);

        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await harness.Runner.ResumeAsync(workflow, first.State, first.State.Bookmarks[0].Id, payload: null);

        Assert.Equal(WorkflowSubStatus.Faulted, second.State.SubStatus);
        Assert.Equal(2, Assert.Single(second.State.Incidents).Attempts);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Execution;

public sealed class WorkflowRunnerTests
{
    // start → inc → more? ─True──→ inc   (back edge)
    //                     └False─→ done
    private static string CountingLoop(int until) => new FlowBuilder()
        .Variable("Counter", "Int32", 0)
        .Add("start", "Elsa.Start")
        .Add("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["name"] = "Counter" }), ("value", FlowBuilder.Js("getCounter() + 1")))
        .Add("more", "Elsa.FlowDecision", ("condition", FlowBuilder.Js($"getCounter() < {until}")))
        .Add("done", "Elsa.WriteLine", ("text", FlowBuilder.Js("'counted to ' + getCounter()")))
        .Chain("start", "inc", "more")
        .Connect("more", "inc", "True")
        .Connect("more", "done", "False")
        .Json;

    private static int Int(object? value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task StartAsync_LoopThroughABackEdgeWithACounter_RunsEachRoundAndFinishes()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(CountingLoop(5));

        Assert.Equal(["counted to 5"], EngineHarness.Lines(result.Journal));
        Assert.Equal(5, result.State.ExecutionCounts["inc"]);
        Assert.Equal(5, result.State.ExecutionCounts["more"]);
        Assert.Equal(5, Int(result.State.Variables["Counter"]));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Tokens);
    }

    [Fact]
    public async Task StartAsync_LoopWithoutAWait_FaultsAtTheExecutionLimit()
    {
        await using var harness = new EngineHarness(services: s => s.Configure<EngineOptions>(o => o.MaxActivityExecutionsPerRun = 20));

        var result = await harness.RunAsync(CountingLoop(int.MaxValue));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal(20, result.State.ExecutionCounts.Values.Sum());
        var incident = Assert.Single(result.State.Incidents);
        Assert.Contains("exceeded 20 activity executions", incident.Message, StringComparison.Ordinal);
        Assert.Equal(result.State.FaultedActivityId, incident.ActivityId);
        Assert.Equal(JournalEntryStatus.Faulted, result.Journal[^1].Status);
    }

    [Fact]
    public async Task RetryAsync_AfterTheExecutionLimit_RunsTheHaltedActivityOnceAndContinues()
    {
        // start, then inc and more once a round: the 21st execution would be 'more' of round 10.
        await using var harness = new EngineHarness(services: s => s.Configure<EngineOptions>(o => o.MaxActivityExecutionsPerRun = 20));
        var workflow = harness.Compile(CountingLoop(12));
        var faulted = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal("more", faulted.State.FaultedActivityId);
        Assert.Equal(9, faulted.State.ExecutionCounts["more"]);
        Assert.Equal(10, Int(faulted.State.Variables["Counter"]));

        var retried = await harness.Runner.RetryAsync(workflow, faulted.State);

        Assert.Equal(["counted to 12"], EngineHarness.Lines(retried.Journal));
        Assert.Equal(12, retried.State.ExecutionCounts["inc"]);
        Assert.Equal(12, retried.State.ExecutionCounts["more"]);
        Assert.Equal(WorkflowSubStatus.Finished, retried.State.SubStatus);
    }

    [Fact]
    public async Task ResumeAsync_SnapshotRestoredInANewEngine_FinishesWithVariablesIntact()
    {
        // start → setName → setCount → wait (Event) → show
        var json = new FlowBuilder("snapshot-flow")
            .Variable("Name", "String")
            .Variable("Count", "Int32", 0)
            .Variable("Tags", "String")
            .Add("start", "Elsa.Start")
            .Add("setName", "Elsa.SetVariable", ("variable", new JsonObject { ["name"] = "Name" }), ("value", FlowBuilder.Js("getInput('customer')")))
            .Add("setCount", "Elsa.SetVariable", ("variable", new JsonObject { ["name"] = "Count" }), ("value", FlowBuilder.Literal("3")))
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go")))
            .Add("show", "Elsa.WriteLine", ("text", FlowBuilder.Js("getName() + ' x' + (getCount() + 1) + ' ' + getOutputFrom('wait').note")))
            .Chain("start", "setName", "setCount", "wait", "show")
            .Json;
        byte[] snapshot;
        await using (var first = new EngineHarness())
        {
            var suspended = await first.RunAsync(json, new StartRequest { CorrelationId = "c-1", Input = new Dictionary<string, object?> { ["customer"] = "Анна" } });
            Assert.Equal(WorkflowSubStatus.Suspended, suspended.State.SubStatus);
            snapshot = WorkflowStateSerializer.Serialize(suspended.State);
        }

        await using var second = new EngineHarness();
        var restored = WorkflowStateSerializer.Deserialize(snapshot);
        var resumed = await second.Runner.ResumeAsync(second.Compile(json), restored, restored.Bookmarks.Single().Id,
            new Dictionary<string, object?> { ["note"] = "ready" });

        Assert.Equal(["Анна x4 ready"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Equal("Анна", resumed.State.Variables["Name"]);
        Assert.Equal(3, Int(resumed.State.Variables["Count"]));
        Assert.Equal("c-1", resumed.State.CorrelationId);
        Assert.Equal(6, resumed.State.JournalSequence);
    }

    [Fact]
    public async Task StartAsync_ActivityThrows_FaultsWithAnIncidentNamingTheActivityAndTheError()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("boom", "Elsa.RunJavaScript", ("script", FlowBuilder.Literal("throw new Error('Usedesk said no')")))
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
            .Chain("start", "boom", "after")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("boom", incident.ActivityId);
        Assert.Equal("Elsa.RunJavaScript", incident.ActivityType);
        Assert.Contains("Usedesk said no", incident.Message, StringComparison.Ordinal);
        Assert.Equal(1, incident.Attempts);
        Assert.False(incident.Resolved);
        var entry = result.Journal[^1];
        Assert.Equal(("boom", JournalEntryStatus.Faulted), (entry.ActivityId, entry.Status));
        Assert.Contains("Usedesk said no", entry.Error, StringComparison.Ordinal);
        Assert.Empty(EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task StartAsync_ActivityThrowsACancellationThatIsNotTheHosts_FaultsInsteadOfThrowing()
    {
        // An HttpClient timeout is a TaskCanceledException; the host is not stopping, so it is a failure.
        await using var harness = new EngineHarness(TestActivities.Register);
        var json = new FlowBuilder().Add("start", "Elsa.Start").Add("call", "Test.TimesOut").Chain("start", "call").Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("call", incident.ActivityId);
        Assert.Equal(typeof(TaskCanceledException).FullName, incident.ExceptionType);
    }

    [Fact]
    public async Task RetryAsync_FaultedInstance_ResumesFromTheFaultedActivityAndResolvesIncidents()
    {
        var probe = new TestProbe { FailuresLeft = 1 };
        await using var harness = TestActivities.Harness(probe);
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("before", "Elsa.WriteLine", ("text", FlowBuilder.Literal("before")))
            .Add("flaky", "Test.Flaky")
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
            .Chain("start", "before", "flaky", "after")
            .Json;
        var workflow = harness.Compile(json);
        var faulted = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal(WorkflowSubStatus.Faulted, faulted.State.SubStatus);

        var retried = await harness.Runner.RetryAsync(workflow, faulted.State);

        Assert.Equal(["flaky", "after"], retried.Journal.Select(e => e.ActivityId));
        Assert.Equal(WorkflowSubStatus.Finished, retried.State.SubStatus);
        Assert.True(Assert.Single(retried.State.Incidents).Resolved);
        Assert.Null(retried.State.FaultedActivityId);
        Assert.Equal(1, retried.State.ExecutionCounts["before"]);
        // An operator's retry repeats the execution that failed, so the outside system sees the same key.
        Assert.Single(probe.Records.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task RetryAsync_InstanceNotFaulted_Throws()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder().Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go"))).Json;
        var workflow = harness.Compile(json);
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runner.RetryAsync(workflow, suspended.State));
    }

    [Fact]
    public async Task Cancel_SuspendedInstance_DropsBookmarksAndEndsCancelled()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder().Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal("01:00:00"))).Json;
        var workflow = harness.Compile(json);
        var suspended = await harness.Runner.StartAsync(workflow, new StartRequest());

        harness.Runner.Cancel(suspended.State);

        Assert.Equal(WorkflowStatus.Finished, suspended.State.Status);
        Assert.Equal(WorkflowSubStatus.Cancelled, suspended.State.SubStatus);
        Assert.Empty(suspended.State.Bookmarks);
        Assert.NotNull(suspended.State.FinishedAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runner.ResumeAsync(workflow, suspended.State, "any", null));
    }

    [Fact]
    public async Task Cancel_FinishedInstance_Throws()
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(new FlowBuilder().Add("start", "Elsa.Start").Json);

        Assert.Throws<InvalidOperationException>(() => harness.Runner.Cancel(result.State));
    }

    [Fact]
    public async Task RunAsync_HostCancelledBetweenActivities_KeepsTheQueueSoALaterRunContinues()
    {
        // start → stop (cancels the host token) → next → last
        var probe = new TestProbe();
        await using var harness = TestActivities.Harness(probe);
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("stop", "Test.CancelHost")
            .Add("next", "Elsa.WriteLine", ("text", FlowBuilder.Literal("next")))
            .Add("last", "Elsa.WriteLine", ("text", FlowBuilder.Literal("last")))
            .Chain("start", "stop", "next", "last")
            .Json;
        var workflow = harness.Compile(json);
        var state = harness.Runner.CreateInstance(workflow, new StartRequest());

        var halted = await harness.Runner.RunAsync(workflow, state, probe.Host.Token);

        Assert.Equal(["start", "stop"], halted.Journal.Select(e => e.ActivityId));
        Assert.Equal(["next"], halted.State.Queue);
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Executing), (halted.State.Status, halted.State.SubStatus));

        var restored = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(halted.State));
        var continued = await harness.Runner.RunAsync(workflow, restored, CancellationToken.None);

        Assert.Equal(["next", "last"], EngineHarness.Lines(continued.Journal));
        Assert.Equal(1, continued.State.ExecutionCounts["stop"]);
        Assert.Equal(WorkflowSubStatus.Finished, continued.State.SubStatus);
    }

    [Fact]
    public async Task RunAsync_HostAlreadyCancelled_RunsNothingAndKeepsTheInstanceQueued()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(new FlowBuilder().Add("start", "Elsa.Start").Json);
        var state = harness.Runner.CreateInstance(workflow, new StartRequest());

        var result = await harness.Runner.RunAsync(workflow, state, new CancellationToken(canceled: true));

        Assert.Empty(result.Journal);
        Assert.Equal(["start"], result.State.Queue);
        Assert.Equal(WorkflowSubStatus.Executing, result.State.SubStatus);
    }
}

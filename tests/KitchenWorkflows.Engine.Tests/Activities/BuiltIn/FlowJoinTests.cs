using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class FlowJoinTests
{
    // start → fork ─Fast─→ fast ───────────────┐
    //              └Slow─→ slowWait (Event) ──→ join → after
    private static string ForkJoin(string? mode, string slowType = "Elsa.Event")
    {
        var slow = slowType == "Elsa.Event"
            ? ("eventName", FlowBuilder.Literal("SlowDone"))
            : ("timeSpan", FlowBuilder.Literal("00:05:00"));
        var join = mode is null ? [] : new (string, JsonNode?)[] { ("mode", FlowBuilder.Literal(mode)) };
        return new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("Fast", "Slow"))))
            .Add("fast", "Elsa.WriteLine", ("text", FlowBuilder.Literal("fast")))
            .Add("slowWait", slowType, slow)
            .Add("slow", "Elsa.WriteLine", ("text", FlowBuilder.Literal("slow")))
            .Add("join", "Elsa.FlowJoin", join)
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
            .Chain("start", "fork")
            .Connect("fork", "fast", "Fast")
            .Connect("fork", "slowWait", "Slow")
            .Chain("slowWait", "slow", "join")
            .Chain("fast", "join", "after")
            .Json;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("WaitAll")]
    public async Task RunAsync_WaitAllWithOneBranchWaiting_WaitsForEveryBranch(string? mode)
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(ForkJoin(mode));

        var first = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(["fast"], EngineHarness.Lines(first.Journal));
        Assert.Equal(WorkflowSubStatus.Suspended, first.State.SubStatus);
        Assert.Contains(first.State.Tokens, t => t.Target == "join");

        var bookmark = Assert.Single(first.State.Bookmarks);
        var second = await harness.Runner.ResumeAsync(workflow, first.State, bookmark.Id, payload: null);

        Assert.Equal(["slow", "after"], EngineHarness.Lines(second.Journal));
        Assert.Equal(1, second.State.ExecutionCounts["join"]);
        Assert.Equal(WorkflowSubStatus.Finished, second.State.SubStatus);
        Assert.Empty(second.State.Tokens);
    }

    [Theory]
    [InlineData("Elsa.Event")]
    [InlineData("Elsa.Delay")]
    public async Task RunAsync_WaitAnyWithOneBranchWaiting_ContinuesOnTheFirstAndCancelsTheOther(string slowType)
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(ForkJoin("WaitAny", slowType));

        Assert.Equal(["fast", "after"], EngineHarness.Lines(result.Journal));
        Assert.Empty(result.State.Bookmarks);
        Assert.Empty(result.State.Tokens);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    // start → fork ─A─→ a ─────────┐
    //              └B─→ b1 → b2 ───→ join(WaitAny) → after
    [Fact]
    public async Task RunAsync_WaitAnyWithOtherBranchStillQueued_DropsItsQueuedWork()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("A", "B"))))
            .Add("a", "Elsa.WriteLine", ("text", FlowBuilder.Literal("a")))
            .Add("b1", "Elsa.WriteLine", ("text", FlowBuilder.Literal("b1")))
            .Add("b2", "Elsa.WriteLine", ("text", FlowBuilder.Literal("b2")))
            .Add("join", "Elsa.FlowJoin", ("mode", FlowBuilder.Literal("WaitAny")))
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
            .Chain("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b1", "B")
            .Chain("b1", "b2", "join")
            .Chain("a", "join", "after")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(["a", "after"], EngineHarness.Lines(result.Journal));
        Assert.False(result.State.ExecutionCounts.ContainsKey("b1"));
        Assert.Equal(1, result.State.ExecutionCounts["join"]);
    }

    [Fact]
    public async Task RunAsync_WaitAnyBranchResumedFirst_CancelsTheOtherBranchBookmark()
    {
        // Both branches wait; the one whose event comes first wins, the other's bookmark goes.
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("A", "B"))))
            .Add("a", "Elsa.Event", ("eventName", FlowBuilder.Literal("A")))
            .Add("b", "Elsa.Delay", ("timeSpan", FlowBuilder.Literal("01:00:00")))
            .Add("join", "Elsa.FlowJoin", ("mode", FlowBuilder.Literal("WaitAny")))
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Js("'after ' + getOutputFrom('a')")))
            .Chain("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Chain("a", "join", "after")
            .Chain("b", "join")
            .Json;
        var workflow = harness.Compile(json);
        var first = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal(2, first.State.Bookmarks.Count);

        var eventBookmark = first.State.Bookmarks.Single(b => b.ActivityId == "a");
        var second = await harness.Runner.ResumeAsync(workflow, first.State, eventBookmark.Id, "A won");

        Assert.Equal(["after A won"], EngineHarness.Lines(second.Journal));
        Assert.Empty(second.State.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, second.State.SubStatus);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>Merge modes of an activity with several inbound connections.</summary>
public sealed class TokenFlowTests
{
    private static (string, JsonNode?) Text(string text) => ("text", FlowBuilder.Literal(text));

    // start → decision ─True──→ a ─┐
    //                  └False─→ b ─┴→ c (Stream)
    [Theory]
    [InlineData(true, "a")]
    [InlineData(false, "b")]
    public async Task Emit_StreamAfterADecision_RunsOnceThroughTheTakenBranch(bool condition, string taken)
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("decision", "Elsa.FlowDecision", ("condition", FlowBuilder.Literal(condition)))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Add("c", "Elsa.WriteLine", Text("c"))
            .Chain("start", "decision")
            .Connect("decision", "a", "True")
            .Connect("decision", "b", "False")
            .Chain("a", "c")
            .Chain("b", "c")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal([taken, "c"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    // start → fork ─A─→ a ──────────────┐
    //              └B─→ wait (Event) ───┴→ c (Stream)
    [Fact]
    public async Task Emit_StreamWithAParallelSourceWaiting_WaitsForItAndRunsOnce()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("A", "B"))))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Go")))
            .Add("c", "Elsa.WriteLine", Text("c"))
            .Chain("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "wait", "B")
            .Chain("a", "c")
            .Chain("wait", "c")
            .Json;
        var workflow = harness.Compile(json);

        var first = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal(["a"], EngineHarness.Lines(first.Journal));

        var second = await harness.Runner.ResumeAsync(workflow, first.State, first.State.Bookmarks[0].Id, payload: null);

        Assert.Equal(["c"], EngineHarness.Lines(second.Journal));
        Assert.Equal(1, second.State.ExecutionCounts["c"]);
        Assert.Equal(WorkflowSubStatus.Finished, second.State.SubStatus);
    }

    // start → fork ─A─→ a ─┐
    //              └B─→ b ─┴→ c (Cascade / None)
    [Theory]
    [InlineData("Cascade")]
    [InlineData("None")]
    public async Task Emit_CascadeWithTwoArrivals_RunsOncePerArrival(string mode)
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("A", "B"))))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Add("c", "Elsa.WriteLine", Text("c"), FlowBuilder.MergeMode(mode))
            .Chain("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Chain("a", "c")
            .Chain("b", "c")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(2, result.State.ExecutionCounts["c"]);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    // start → decision ─True──→ a ─┐
    //                  └False─→ b ─┴→ join (WaitAll) → after
    [Fact]
    public async Task Emit_WaitAllWithABranchNotTaken_NeverRuns()
    {
        // WaitAll needs a token on every forward inbound connection, as Elsa 3.6's Merge does (the corpus
        // test fork-decision-join-waitall depends on it); an exclusive branch belongs before a Stream merge.
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("decision", "Elsa.FlowDecision", ("condition", FlowBuilder.Literal(true)))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Add("join", "Elsa.FlowJoin", ("mode", FlowBuilder.Literal("WaitAll")))
            .Add("after", "Elsa.WriteLine", Text("after"))
            .Chain("start", "decision")
            .Connect("decision", "a", "True")
            .Connect("decision", "b", "False")
            .Chain("a", "join", "after")
            .Chain("b", "join")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(["a"], EngineHarness.Lines(result.Journal));
        Assert.False(result.State.ExecutionCounts.ContainsKey("join"));
    }

    // start → head → fork ─A─→ a ─┐
    //                     └B─→ b ─┴→ join (WaitAll) → again? ─True─→ head (back edge)
    [Fact]
    public async Task Emit_WaitAllInsideALoop_JoinsOnEveryRound()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Variable("Round", "Int32", 0)
            .Add("start", "Elsa.Start")
            .Add("head", "Elsa.SetVariable", ("variable", new JsonObject { ["name"] = "Round" }), ("value", FlowBuilder.Js("getRound() + 1")))
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new JsonArray("A", "B"))))
            .Add("a", "Elsa.WriteLine", Text("a"))
            .Add("b", "Elsa.WriteLine", Text("b"))
            .Add("join", "Elsa.FlowJoin", ("mode", FlowBuilder.Literal("WaitAll")))
            .Add("again", "Elsa.FlowDecision", ("condition", FlowBuilder.Js("getRound() < 3")))
            .Chain("start", "head", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Chain("a", "join", "again")
            .Chain("b", "join")
            .Connect("again", "head", "True")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(3, result.State.ExecutionCounts["join"]);
        Assert.Equal(["a", "b", "a", "b", "a", "b"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

/// <summary>Elsa 3's structured activities, nested in one another, run with Elsa's semantics.</summary>
public sealed class StructuredActivityTests
{
    [Fact]
    public async Task Run_SequenceRoot_RunsItsActivitiesInOrder()
    {
        var result = await RunAsync(Sequence("Seq1", Text("A", "a"), Text("B", "b"), Text("C", "c")));

        Assert.Equal(["a", "b", "c"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Frames);
        Assert.Single(result.Journal, e => e.ActivityId == "Seq1" && e.Status == JournalEntryStatus.Completed);
    }

    [Fact]
    public async Task Run_SingleActivityRoot_RunsIt()
    {
        var result = await RunAsync(Text("Only", "only"));

        Assert.Equal(["only"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Theory]
    [InlineData("true", "yes")]
    [InlineData("false", "no")]
    public async Task Run_If_RunsThenOrElseAndCompletesAfterIt(string condition, string expected)
    {
        var result = await RunAsync(Sequence("Seq1", If("If1", condition, Text("Yes", "yes"), Text("No", "no")), Text("After", "after")));

        Assert.Equal([expected, "after"], EngineHarness.Lines(result.Journal));
        Assert.Equal(condition == "true", result.State.ActivityOutputs["If1"]);
    }

    [Fact]
    public async Task Run_IfWithoutTheTakenBranch_Completes()
    {
        var result = await RunAsync(Sequence("Seq1", If("If1", "false", Text("Yes", "yes")), Text("After", "after")));

        Assert.Equal(["after"], EngineHarness.Lines(result.Journal));
    }

    [Theory]
    [InlineData("MatchFirst", "true", new[] { "A" })]
    [InlineData("MatchAny", "true", new[] { "A", "B" })]
    [InlineData("MatchFirst", "false", new[] { "D" })]
    public async Task Run_Switch_RunsTheMatchingCasesElseTheDefault(string mode, string conditions, string[] expected)
    {
        var @switch = Activity("Switch1", "Elsa.Switch", ("mode", Input("Literal", mode, "String")));
        @switch["cases"] = new JsonArray(
            new JsonObject { ["label"] = "a", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = conditions }, ["activity"] = Text("A", "A") },
            new JsonObject { ["label"] = "b", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = conditions }, ["activity"] = Text("B", "B") });
        @switch["default"] = Text("D", "D");

        var result = await RunAsync(Sequence("Seq1", @switch, Text("After", "after")));

        Assert.Equal([.. expected, "after"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_ForEach_RunsTheBodyPerItemWithCurrentValueAndCurrentIndex()
    {
        var result = await RunAsync(ForEach("Loop1", "['x', 'y']", Line("Body", "getCurrentValue() + getCurrentIndex() + getVariable('CurrentValue')")));

        Assert.Equal(["x0x", "y1y"], EngineHarness.Lines(result.Journal));
        Assert.Equal("y", result.State.ActivityOutputs["Loop1"]);
        Assert.Empty(result.State.Frames);
    }

    [Theory]
    [InlineData(1, 3, 1, true, new[] { "1", "2", "3" })]
    [InlineData(1, 3, 1, false, new[] { "1", "2" })]
    [InlineData(3, 1, -1, true, new[] { "3", "2", "1" })]
    [InlineData(1, 0, 1, true, new string[0])]
    public async Task Run_For_CountsFromStartToEnd(int start, int end, int step, bool inclusive, string[] expected)
    {
        var loop = Activity("For1", "Elsa.For",
            ("start", Input("Literal", start, "Int32")),
            ("end", Input("Literal", end, "Int32")),
            ("step", Input("Literal", step, "Int32")),
            ("outerBoundInclusive", Input("Literal", inclusive, "Boolean")),
            ("body", Line("Body", "'' + getCurrentValue()")));

        var result = await RunAsync(loop);

        Assert.Equal(expected, EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_While_RunsTheBodyWhileTheConditionHolds()
    {
        var loop = Activity("While1", "Elsa.While",
            ("condition", Input("JavaScript", "getCounter() < 3", "Boolean")),
            ("body", Sequence("Body", SetVariable("Inc", "Counter", "JavaScript", "getCounter() + 1"), Line("Say", "'' + getCounter()"))));

        var result = await RunAsync(loop, [Variable("Counter", "Int32", 0)]);

        Assert.Equal(["1", "2", "3"], EngineHarness.Lines(result.Journal));
        Assert.Equal(3, Convert.ToInt32(result.State.Variables["Counter"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Run_BreakInALoopBody_EndsTheLoopAndGoesOnAfterIt()
    {
        var body = Sequence("Body", If("Third", "getCurrentValue() === 3", Activity("Break1", "Elsa.Break")), Line("Say", "'' + getCurrentValue()"));

        var result = await RunAsync(Sequence("Seq1", ForEach("Loop1", "[1, 2, 3, 4]", body), Text("After", "after")));

        Assert.Equal(["1", "2", "after"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Run_Parallel_CompletesWhenEveryBranchCompleted()
    {
        var result = await RunAsync(Sequence("Seq1",
            Parallel("Par1", Sequence("Left", Text("A1", "a1"), Text("A2", "a2")), Text("B1", "b1")),
            Text("After", "after")));

        var lines = EngineHarness.Lines(result.Journal);
        Assert.Equal(["a1", "a2", "b1"], lines.Take(3).Order());
        Assert.Equal("after", lines[^1]);
    }

    [Fact]
    public async Task Run_ParallelForEach_RunsEveryItemWithItsOwnValueAndWaitsForAll()
    {
        await using var harness = new EngineHarness();
        var body = Sequence("Body", Wait("Wait1", "go"), Line("Say", "'' + getCurrentValue()"));
        var workflow = harness.Compile(Json(Definition(Sequence("Seq1", Activity("Each1", "Elsa.ParallelForEach", ("items", Input("JavaScript", "['a', 'b']")), ("body", body)), Text("After", "after")))));

        var started = await harness.Runner.StartAsync(workflow, new());
        Assert.Equal(2, started.State.Bookmarks.Count);
        var second = await harness.Runner.ResumeAsync(workflow, Reload(started.State), started.State.Bookmarks[1].Id, null);
        Assert.Equal(["b"], EngineHarness.Lines(second.Journal));
        var first = await harness.Runner.ResumeAsync(workflow, Reload(second.State), second.State.Bookmarks[0].Id, null);

        Assert.Equal(["a", "after"], EngineHarness.Lines(first.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, first.State.SubStatus);
    }

    [Fact]
    public async Task Run_ForkWaitAny_CompletesOnTheFirstBranchAndDropsTheOthers()
    {
        var fork = Activity("Fork1", "Elsa.Fork", ("branches", new JsonArray(Sequence("Slow", Wait("Wait1", "never"), Text("Late", "late")), Text("Fast", "fast"))));
        fork["joinMode"] = "WaitAny";

        var result = await RunAsync(Sequence("Seq1", fork, Text("After", "after")));

        Assert.Equal(["fast", "after"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
    }

    [Fact]
    public async Task Run_ForkWaitAll_WaitsForEveryBranch()
    {
        await using var harness = new EngineHarness();
        var fork = Activity("Fork1", "Elsa.Fork", ("branches", new JsonArray(Wait("Wait1", "go"), Text("Fast", "fast"))));
        var workflow = harness.Compile(Json(Definition(Sequence("Seq1", fork, Text("After", "after")))));

        var started = await harness.Runner.StartAsync(workflow, new());
        Assert.Equal(["fast"], EngineHarness.Lines(started.Journal));
        var resumed = await harness.Runner.ResumeAsync(workflow, Reload(started.State), started.State.Bookmarks[0].Id, null);

        Assert.Equal(["after"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task Run_FlowchartInASequenceAndASequenceInAFlowchart_RunInOrder()
    {
        var inner = Flowchart("Inner", [Text("F1", "f1"), Sequence("InnerSeq", Text("F2", "f2"), Text("F3", "f3"))], Connection("F1", "Done", "InnerSeq"));

        var result = await RunAsync(Sequence("Seq1", inner, Text("After", "after")));

        Assert.Equal(["f1", "f2", "f3", "after"], EngineHarness.Lines(result.Journal));
        Assert.Single(result.Journal, e => e.ActivityId == "Inner" && e.Status == JournalEntryStatus.Completed);
    }

    [Fact]
    public async Task Run_EndInANestedFlowchart_EndsThatFlowchartOnly()
    {
        var inner = Flowchart("Inner", [Activity("Start2", "Elsa.Start"), Wait("Wait1", "never"), Activity("End1", "Elsa.End")],
            Connection("Start2", "Done", "Wait1"), Connection("Start2", "Done", "End1"));

        var result = await RunAsync(Sequence("Seq1", inner, Text("After", "after")));

        Assert.Equal(["after"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
    }

    [Fact]
    public async Task Run_CompleteInTheRootFlowchart_FinishesTheWorkflowAndDropsWhatWaits()
    {
        var definition = Chain(Wait("Wait1", "never"));
        definition["root"]!["activities"]!.AsArray().Add(Activity("Complete1", "Elsa.Complete"));
        definition["root"]!["connections"]!.AsArray().Add(Connection("Start1", "Done", "Complete1"));
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(definition.ToJsonString());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
    }

    [Fact]
    public async Task Run_SetName_NamesTheInstance()
    {
        var result = await RunAsync(Activity("Name1", "Elsa.SetName", ("value", Input("JavaScript", "'Заказ ' + 42", "String"))));

        Assert.Equal("Заказ 42", result.State.Name);
    }

    [Fact]
    public async Task Run_WriteLineWithoutText_WritesAnEmptyLine()
    {
        var result = await RunAsync(Activity("Write1", "Elsa.WriteLine", ("text", null)));

        Assert.Equal([null], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    internal static WorkflowInstanceState Reload(WorkflowInstanceState state) =>
        WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(state));

    private static async Task<RunResult> RunAsync(JsonObject root, JsonArray? variables = null)
    {
        await using var harness = new EngineHarness();
        return await harness.RunAsync(Json(Definition(root, variables)));
    }
}

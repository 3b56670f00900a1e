using System.Text;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>An instance waiting deep inside nested activities survives being saved and loaded, and resumes where it waited.</summary>
public sealed class NestedResumeTests
{
    [Fact]
    public async Task Resume_BookmarkInAFlowchartInALoopBody_ContinuesTheRightIterationAfterAReload()
    {
        await using var harness = new EngineHarness();
        var body = Sequence("Body", Line("Before", "'before ' + getCurrentValue()"),
            Flowchart("Inner", [Wait("Wait1", "go"), Line("Got", "'got ' + getCurrentValue() + getCurrentIndex()")], Connection("Wait1", "Done", "Got")));
        var workflow = harness.Compile(Json(Definition(Sequence("Seq1", ForEach("Loop1", "['a', 'b', 'c']", body), Text("After", "after")))));

        var result = await harness.Runner.StartAsync(workflow, new());
        var lines = new List<string?>(EngineHarness.Lines(result.Journal));
        while (result.State.SubStatus == WorkflowSubStatus.Suspended)
        {
            var state = StructuredReload(result.State);
            var bookmark = Assert.Single(state.Bookmarks);
            result = await harness.Runner.ResumeAsync(workflow, state, bookmark.Id, null);
            lines.AddRange(EngineHarness.Lines(result.Journal));
        }

        Assert.Equal(["before a", "got a0", "before b", "got b1", "before c", "got c2", "after"], lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Frames);
        Assert.Empty(result.State.Scheduled);
    }

    [Fact]
    public async Task Resume_SnapshotOfTheFlatInterpreter_LoadsAndFinishes()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Chain(Wait("Wait1", "go"), Text("After", "after")).ToJsonString());
        var started = await harness.Runner.StartAsync(workflow, new());
        // A snapshot saved before frames existed has none of their properties.
        var saved = JsonNode.Parse(WorkflowStateSerializer.Serialize(started.State))!.AsObject();
        saved.Remove("frames");
        saved.Remove("scheduled");
        Assert.DoesNotContain("frameId", saved.ToJsonString(), StringComparison.Ordinal);

        var state = WorkflowStateSerializer.Deserialize(Encoding.UTF8.GetBytes(saved.ToJsonString()));
        var resumed = await harness.Runner.ResumeAsync(workflow, state, state.Bookmarks[0].Id, null);

        Assert.Equal(["after"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task Retry_ActivityThatFaultedInALoopBody_RepeatsItInItsIteration()
    {
        await using var harness = new EngineHarness();
        var body = Line("Say", "if (getCurrentValue() === 2 && !getVariable('Fixed')) throw new Error('not yet'); return 'item ' + getCurrentValue();");
        var workflow = harness.Compile(Json(Definition(ForEach("Loop1", "[1, 2, 3]", body))));

        var faulted = await harness.Runner.StartAsync(workflow, new());
        Assert.Equal(WorkflowSubStatus.Faulted, faulted.State.SubStatus);
        var state = StructuredReload(faulted.State);
        state.Variables["Fixed"] = true;
        var retried = await harness.Runner.RetryAsync(workflow, state);

        Assert.Equal(["item 2", "item 3"], EngineHarness.Lines(retried.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, retried.State.SubStatus);
    }

    private static WorkflowInstanceState StructuredReload(WorkflowInstanceState state) =>
        WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(state));
}

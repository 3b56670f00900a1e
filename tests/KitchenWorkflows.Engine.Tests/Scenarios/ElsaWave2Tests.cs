using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Tests.Composition;

namespace KitchenWorkflows.Engine.Tests.Scenarios;

/// <summary>Elsa 3's own test definitions for structured activities and composition end as Elsa's tests assert.</summary>
public sealed class ElsaWave2Tests
{
    [Fact]
    public async Task Run_FlowNodeHoldingAFlowchartThatWaits_FinishesOnceTheEventResumesIt()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/wave2/workflow5.json"));

        var started = await harness.Runner.StartAsync(workflow, new StartRequest());
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        Assert.Equal(["Intermediary", null], EngineHarness.Lines(started.Journal));
        var bookmark = Assert.Single(started.State.Bookmarks);
        Assert.Equal("Event4", bookmark.Name);

        var state = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(started.State));
        var resumed = await harness.Runner.ResumeAsync(workflow, state, bookmark.Id, payload: null);

        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Contains(resumed.Journal, e => e.ActivityId == "HG4wfBhvlEW_149HwNyzHw" && e.Status == JournalEntryStatus.Completed);
        Assert.Empty(resumed.State.Frames);
    }

    [Fact]
    public async Task Run_ParallelForEachWithAJoinInItsBody_CompletesOnce()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/wave2/parallel-join.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Single(result.Journal, e => e.ActivityId == "70fc1183cd5800f2" && e.Status == JournalEntryStatus.Completed);
        Assert.Equal(3, result.Journal.Count(e => e.ActivityId == "343d233a75d8d8e9"));
    }

    [Fact]
    public async Task Run_ParentUsingAChildWithOutput_ReadsTheChildsOutput()
    {
        var child = EngineHarness.LoadScenario("ElsaCorpus/wave2/WorkflowDefinitionActivities--child-with-output.json");
        await using var harness = TestWorkflowActivities.Harness(("ChildWithOutput", child));
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/wave2/parent-with-output.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Contains("Received from child: Child output value", EngineHarness.Lines(result.Journal));
        Assert.Contains(result.Journal, e => e.ActivityId == "461b5cebad79475c" && e.ActivityType == "Elsa.SetOutput");
        Assert.Empty(result.State.Output);
    }

    [Fact]
    public async Task Run_ParentUsingAChildThatCompletesWithAnOutcome_ContinuesThroughThatPort()
    {
        var child = EngineHarness.LoadScenario("ElsaCorpus/wave2/ParentChildCompletion--child.json");
        await using var harness = TestWorkflowActivities.Harness(("SubworkflowTest", child));
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/wave2/ParentChildCompletion--parent.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var lines = EngineHarness.Lines(result.Journal);
        Assert.Equal("Start", lines[0]);
        Assert.Contains("Success", lines);
        Assert.DoesNotContain("Failure", lines);
        Assert.Contains(result.Journal, e => e.ActivityId == "abcd6d3d391bfe10" && e.Outcomes.SequenceEqual(["Success"]));
    }

    [Theory]
    [InlineData("ElsaCorpus/wave2/workflow5.json")]
    [InlineData("ElsaCorpus/wave2/parallel-join.json")]
    [InlineData("ElsaCorpus/wave2/parent-with-output.json")]
    public void RoundTrip_NestedActivities_WritesTheDocumentItRead(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", file)))!;

        var written = WorkflowDefinitionSerializer.ToJsonObject(WorkflowDefinitionSerializer.Deserialize(original));

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }
}

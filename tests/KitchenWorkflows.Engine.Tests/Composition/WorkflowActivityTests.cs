using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Composition;

/// <summary>A published workflow used as an activity runs inside its consumer, as Elsa's WorkflowDefinitionActivity does.</summary>
public sealed class WorkflowActivityTests
{
    [Fact]
    public async Task Run_UsedWorkflow_GetsTheNodesInputsAndKeepsItsVariablesToItself()
    {
        var child = Used("greeter", Sequence("Body",
            SetVariable("Inc", "Counter", "JavaScript", "getCounter() + 1"),
            Line("Greet", "getInput('Greeting') + ' ' + getCounter()"),
            SetOutput("Out", "Said", "JavaScript", "getInput('Greeting')")),
            inputs: ["Greeting"], variables: [Variable("Counter", "Int32", 10)]);
        await using var harness = TestWorkflowActivities.Harness(("Greeter", child));
        var consumer = Definition(Sequence("Seq1",
            Use("Greeter1", "Greeter", ("greeting", Input("JavaScript", "'hi ' + getInput('Name')"))),
            Use("Greeter2", "Greeter", ("greeting", Input("Literal", "bye"))),
            Line("Read", "getOutputFrom('Greeter1', 'Said') + '/' + getSaidFromGreeter2() + '/' + getCounter()")),
            [Variable("Counter", "Int32", 1)]);

        var result = await harness.Runner.StartAsync(harness.Compile(Json(consumer)), new StartRequest { Input = new Dictionary<string, object?> { ["Name"] = "Ann" } });

        Assert.Equal(["hi Ann 11", "bye 11", "hi Ann/bye/1"], EngineHarness.Lines(result.Journal));
        Assert.Equal(1, Convert.ToInt32(result.State.Variables["Counter"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, result.Journal.Count(e => e.ActivityId == "Greet"));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Resume_BookmarkInsideAUsedWorkflow_SuspendsAndResumesTheConsumer()
    {
        var child = Used("approval", Sequence("Body", Wait("Approve", "approved"), SetOutput("Out", "By", "JavaScript", "getLastResult()")));
        await using var harness = TestWorkflowActivities.Harness(("Approval", child));
        var workflow = harness.Compile(Json(Definition(Sequence("Seq1", Use("Approval1", "Approval"), Line("After", "'by ' + getOutputFrom('Approval1', 'By')")))));

        var started = await harness.Runner.StartAsync(workflow, new());
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        var state = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(started.State));
        var resumed = await harness.Runner.ResumeAsync(workflow, state, Assert.Single(state.Bookmarks).Id, "Olga");

        Assert.Equal(["by Olga"], EngineHarness.Lines(resumed.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Contains(resumed.Journal, e => e.ActivityId == "Approve" && e.Status == JournalEntryStatus.Completed);
    }

    [Fact]
    public async Task Run_CompleteInsideAUsedWorkflow_ContinuesTheConsumerThroughItsOutcome()
    {
        var child = Used("check", Sequence("Body", Activity("Done1", "Elsa.Complete", ("outcomes", Input("Literal", "Rejected"))), Text("Never", "never")));
        child.Extensions["outcomes"] = new JsonArray("Approved", "Rejected");
        await using var harness = TestWorkflowActivities.Harness(("Check", child));
        var consumer = Chain(Use("Check1", "Check"), Text("Yes", "approved"));
        consumer["root"]!["connections"]![1]!["source"]!["port"] = "Approved";
        consumer["root"]!["activities"]!.AsArray().Add(Text("No", "rejected"));
        consumer["root"]!["connections"]!.AsArray().Add(Connection("Check1", "Rejected", "No"));

        var result = await harness.RunAsync(consumer.ToJsonString());

        Assert.Equal(["rejected"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Compile_WorkflowThatUsesItself_IsRefusedWithThePath()
    {
        var loop = Used("loop", Sequence("Body", Use("Again", "Loop")));
        var other = Used("other", Use("Back", "Loop"));
        await using var harness = TestWorkflowActivities.Harness(("Loop", loop), ("Other", other));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compiler.Compile(WorkflowDefinitionSerializer.Deserialize(Definition(Use("Other1", "Other")))));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.root.type", error.Path);
        Assert.Contains("loop → loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_UnknownWorkflowType_IsAnUnknownTypeAtItsPath()
    {
        await using var harness = TestWorkflowActivities.Harness();

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compiler.Compile(WorkflowDefinitionSerializer.Deserialize(Definition(Sequence("Seq1", Use("Gone1", "Gone"))))));

        Assert.Equal(["$.root.activities[0].type"], ex.Errors.Select(e => e.Path));
    }

    private static WorkflowDefinition Used(string definitionId, JsonObject root, string[]? inputs = null, JsonArray? variables = null)
    {
        var definition = Definition(root, variables, definitionId);
        definition["inputs"] = new JsonArray([.. (inputs ?? []).Select(i => (JsonNode)new JsonObject { ["name"] = i, ["type"] = "String" })]);
        return WorkflowDefinitionSerializer.Deserialize(definition);
    }

    private static JsonObject Use(string id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var node = Activity(id, type, inputs);
        node["workflowDefinitionId"] = type.ToLowerInvariant();
        return node;
    }
}

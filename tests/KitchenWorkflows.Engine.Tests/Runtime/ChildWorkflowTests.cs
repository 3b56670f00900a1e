using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Runtime;

/// <summary>Elsa.ExecuteWorkflow and Elsa.DispatchWorkflow on the in-memory host: each child a real instance with its parent's id.</summary>
public sealed class ChildWorkflowTests
{
    [Fact]
    public async Task ExecuteWorkflow_WaitsForTheChild_PassesInputAndCorrelation_AndGetsElsasResult()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", WriteLine("say", "JavaScript", "`Child received: ${getMessage()}`"),
            SetOutput("out", "Answer", "JavaScript", "getMessage() + '!'"));
        Publish(harness, "parent", Execute("run", "child", wait: true, ("correlationId", Input("Literal", "order-7", "String"))),
            WriteLine("after", "JavaScript", "`Got: ${getOutputFrom('run').output.Answer}`"));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        var parent = harness.Runtime.GetInstance(parentId)!;
        var childId = Assert.Single(harness.Runtime.GetChildren(parentId));
        var child = harness.Runtime.GetInstance(childId)!;
        Assert.Empty(parent.Incidents.Select(i => i.Message));
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, child.SubStatus);
        Assert.Equal(parentId, child.ParentId);
        Assert.Equal("order-7", child.CorrelationId);
        Assert.Equal(parentId, child.Input["ParentInstanceId"]);
        Assert.Contains("Child received: Hello from parent", EngineHarness.Lines(harness.Runtime.GetJournal(childId)));
        Assert.Equal(["Got: Hello from parent!"], EngineHarness.Lines(harness.Runtime.GetJournal(parentId)));
        var result = Assert.IsType<Dictionary<string, object?>>(parent.ActivityOutputs["run"]);
        Assert.Equal(childId, result["workflowInstanceId"]);
        Assert.Equal("Finished", result["subStatus"]);
    }

    [Fact]
    public async Task ExecuteWorkflow_ChildWaits_ParentWaitsUntilTheChildEnds()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", Activity("wait", "Elsa.Event", ("eventName", Input("Literal", "go", "String"))), SetOutput("out", "Answer", "Literal", "done"));
        Publish(harness, "parent", Execute("run", "child", wait: true));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(parentId)!.SubStatus);

        // An event of the wait's name cannot stand in for the child's end.
        Assert.Empty(await harness.Runtime.PublishEventAsync(ChildWorkflowWait.EndedName, Assert.Single(harness.Runtime.GetChildren(parentId)), "forged"));
        await harness.Runtime.PublishEventAsync("go", null, null);
        await harness.Runtime.WhenIdleAsync();

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Equal("done", ((Dictionary<string, object?>)((Dictionary<string, object?>)parent.ActivityOutputs["run"]!)["output"]!)["Answer"]);
    }

    [Fact]
    public async Task ExecuteWorkflow_WithoutWaitForCompletion_CompletesWhenTheChildWaits()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", Activity("wait", "Elsa.Event", ("eventName", Input("Literal", "go", "String"))));
        Publish(harness, "parent", Execute("run", "child", wait: false));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Equal("Suspended", ((Dictionary<string, object?>)parent.ActivityOutputs["run"]!)["subStatus"]);
        Assert.Equal(WorkflowSubStatus.Suspended, harness.Runtime.GetInstance(Assert.Single(harness.Runtime.GetChildren(parentId)))!.SubStatus);
    }

    [Fact]
    public async Task ExecuteWorkflow_ChildFaults_ParentFaultsWithTheChildsMessage()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", Activity("boom", "Elsa.Fault", ("message", Input("Literal", "Гарантия не найдена", "String"))));
        Publish(harness, "parent", Execute("run", "child", wait: true));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Faulted, parent.SubStatus);
        var incident = Assert.Single(parent.Incidents);
        Assert.Equal("run", incident.ActivityId);
        Assert.Equal("Гарантия не найдена", incident.Message);
    }

    [Fact]
    public async Task ExecuteWorkflow_UnpublishedChild_FaultsTheParent()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "parent", Execute("run", "nowhere", wait: true));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Faulted, parent.SubStatus);
        Assert.Contains("nowhere", Assert.Single(parent.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchWorkflow_FireAndForget_ParentGoesOnAndTheChildRunsWithItsParentId()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", WriteLine("say", "Literal", "child ran"));
        Publish(harness, "parent", Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Input("Literal", "child", "String"))),
            WriteLine("after", "Literal", "parent went on"));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;
        await harness.Runtime.WhenIdleAsync();

        Assert.Equal(WorkflowSubStatus.Finished, harness.Runtime.GetInstance(parentId)!.SubStatus);
        var childId = Assert.Single(harness.Runtime.GetChildren(parentId));
        Assert.Equal(parentId, harness.Runtime.GetInstance(childId)!.ParentId);
        Assert.Equal(["child ran"], EngineHarness.Lines(harness.Runtime.GetJournal(childId)));
    }

    [Fact]
    public async Task DispatchWorkflow_Waiting_ResultIsTheChildsOutput()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", SetOutput("out", "Answer", "Literal", "42"));
        Publish(harness, "parent", Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", Input("Literal", "child", "String")),
            ("waitForCompletion", Input("Literal", true, "Boolean"))));

        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;
        await harness.Runtime.WhenIdleAsync();

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Equal("42", ((Dictionary<string, object?>)parent.ActivityOutputs["dispatch"]!)["Answer"]);
    }

    [Fact]
    public async Task Cancel_Parent_CancelsItsRunningChild()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", Activity("wait", "Elsa.Event", ("eventName", Input("Literal", "go", "String"))));
        Publish(harness, "parent", Execute("run", "child", wait: true));
        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        await harness.Runtime.CancelAsync(parentId);

        Assert.Equal(WorkflowSubStatus.Cancelled, harness.Runtime.GetInstance(parentId)!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Cancelled, harness.Runtime.GetInstance(Assert.Single(harness.Runtime.GetChildren(parentId)))!.SubStatus);
    }

    [Fact]
    public async Task Cancel_Child_ResumesItsWaitingParentWithTheCancelledResult()
    {
        await using var harness = new EngineHarness();
        Publish(harness, "child", Activity("wait", "Elsa.Event", ("eventName", Input("Literal", "go", "String"))));
        Publish(harness, "parent", Execute("run", "child", wait: true));
        var parentId = (await harness.Runtime.StartAsync("parent", new StartRequest())).State.Id;

        await harness.Runtime.CancelAsync(Assert.Single(harness.Runtime.GetChildren(parentId)));

        var parent = harness.Runtime.GetInstance(parentId)!;
        Assert.Equal(WorkflowSubStatus.Finished, parent.SubStatus);
        Assert.Equal("Cancelled", ((Dictionary<string, object?>)parent.ActivityOutputs["run"]!)["subStatus"]);
    }

    private static JsonObject Execute(string id, string definitionId, bool wait, params (string Name, JsonNode? Value)[] more) =>
        Activity(id, "Elsa.ExecuteWorkflow", [
            ("workflowDefinitionId", Input("Literal", definitionId, "String")),
            ("input", Input("JavaScript", "({ Message: 'Hello from parent' })", "IDictionary<String, Object>")),
            ("waitForCompletion", Input("Literal", wait, "Boolean")),
            .. more]);

    private static void Publish(EngineHarness harness, string definitionId, params JsonObject[] activities)
    {
        var json = Chain(activities);
        json["definitionId"] = definitionId;
        json["id"] = definitionId + "-v1";
        json["inputs"] = new JsonArray(new JsonObject { ["name"] = "Message", ["type"] = "String" });
        harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(json.ToJsonString()));
    }
}

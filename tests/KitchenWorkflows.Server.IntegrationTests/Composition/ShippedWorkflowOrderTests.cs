using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Persistence.Definitions;

namespace KitchenWorkflows.Server.IntegrationTests.Composition;

/// <summary>The import order of shipped definitions: what a workflow uses first, otherwise file-name order.</summary>
public sealed class ShippedWorkflowOrderTests
{
    private const string WriteLine = """{ "id": "log", "type": "Elsa.WriteLine" }""";

    [Fact]
    public void Sort_AConsumerOfAWorkflowActivity_ComesAfterItsChildWhateverTheFileNames()
    {
        var sorted = ShippedWorkflowOrder.Sort([
            ("a.json", Flowchart("consumer", """{ "id": "check", "type": "WarrantyCheck" }""")),
            ("b.json", Flowchart("other", WriteLine)),
            ("c.json", Flowchart("child", WriteLine, usableAs: "Warranty check")),
        ]);

        Assert.Equal(["b.json", "c.json", "a.json"], sorted.Select(s => s.File));
    }

    [Fact]
    public void Sort_ALiteralChildOfExecuteWorkflowInsideASequence_ComesFirst()
    {
        const string sequence = """
            { "id": "steps", "type": "Elsa.Sequence", "activities": [
              { "id": "run-child", "type": "Elsa.ExecuteWorkflow",
                "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "child" } } } ] }
            """;

        var sorted = ShippedWorkflowOrder.Sort([("a.json", Flowchart("parent", sequence)), ("b.json", Flowchart("child", WriteLine))]);

        Assert.Equal(["b.json", "a.json"], sorted.Select(s => s.File));
    }

    [Fact]
    public void Sort_WorkflowsUsingEachOther_KeepFileOrderAfterTheRest()
    {
        var sorted = ShippedWorkflowOrder.Sort([
            ("a.json", Flowchart("first", """{ "id": "other", "type": "SecondFlow" }""", usableAs: "First flow")),
            ("b.json", Flowchart("second", """{ "id": "other", "type": "FirstFlow" }""", usableAs: "Second flow")),
            ("c.json", Flowchart("plain", WriteLine)),
        ]);

        Assert.Equal(["c.json", "a.json", "b.json"], sorted.Select(s => s.File));
    }

    // A flowchart of one node; usable as an activity under the given name when one is given.
    private static WorkflowDefinition Flowchart(string id, string node, string? usableAs = null) =>
        WorkflowDefinitionSerializer.Deserialize($$"""
            {
              "definitionId": "{{id}}", "name": "{{usableAs ?? id}}", "version": 1,
              "options": { "usableAsActivity": {{(usableAs is null ? "false" : "true")}} },
              "root": { "id": "flow", "type": "Elsa.Flowchart", "activities": [ {{node}} ], "connections": [] }
            }
            """);
}

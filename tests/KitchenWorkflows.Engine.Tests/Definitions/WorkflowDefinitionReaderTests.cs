using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Tests.Definitions;

/// <summary>Reading Elsa 3 definition JSON into the model: both connection shapes, inputs, retry policies.</summary>
public sealed class WorkflowDefinitionReaderTests
{
    [Fact]
    public void Deserialize_NestedConnection_ReadsActivitiesAndPorts()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "activities": [],
              "connections": [ { "source": { "activity": "Decision1", "port": "True" }, "target": { "activity": "Write1", "port": "In" } } ] } }
            """);

        var connection = Assert.Single(definition.Root.Connections);
        Assert.Equal(("Decision1", "True", "Write1", "In"), (connection.Source, connection.SourcePort, connection.Target, connection.TargetPort));
        Assert.False(connection.ReadFlat);
    }

    [Fact]
    public void Deserialize_FlatConnection_ReadsActivitiesAndPortsAndRemembersTheShape()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "activities": [],
              "connections": [ { "source": "Decision1", "sourcePort": "False", "target": "Write1", "targetPort": "In" } ] } }
            """);

        var connection = Assert.Single(definition.Root.Connections);
        Assert.Equal(("Decision1", "False", "Write1", "In"), (connection.Source, connection.SourcePort, connection.Target, connection.TargetPort));
        Assert.True(connection.ReadFlat);
    }

    [Theory]
    [InlineData("""{ "source": { "activity": "A" }, "target": { "activity": "B" } }""")]
    [InlineData("""{ "source": "A", "target": "B" }""")]
    public void Deserialize_ConnectionWithoutPorts_DefaultsToDoneAndIn(string connectionJson)
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(
            $$"""{ "root": { "type": "Elsa.Flowchart", "activities": [], "connections": [ {{connectionJson}} ] } }""");

        var connection = Assert.Single(definition.Root.Connections);
        Assert.Equal(("A", "Done", "B", "In"), (connection.Source, connection.SourcePort, connection.Target, connection.TargetPort));
    }

    [Fact]
    public void Deserialize_ActivityProperties_SplitsInputsFromOtherProperties()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "connections": [], "activities": [ {
                "id": "Set1", "type": "Elsa.SetVariable", "version": 2, "name": "SetVariable1",
                "variable": { "id": "v1", "name": "Counter" },
                "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "1 + 1" }, "memoryReference": { "id": "m1" } },
                "canStartWorkflow": false,
                "customProperties": { "mergeMode": "Race" },
                "metadata": { "displayText": "Increment" } } ] } }
            """);

        var node = Assert.Single(definition.Root.Activities);
        Assert.Equal(("Set1", "Elsa.SetVariable", 2, "SetVariable1"), (node.Id, node.Type, node.Version, node.Name));
        var input = Assert.Single(node.Inputs);
        Assert.Equal("value", input.Key);
        Assert.Equal("Object", input.Value.TypeName);
        Assert.Equal(("JavaScript", "1 + 1"), (input.Value.Expression!.Type, input.Value.Expression.Text));
        Assert.Equal("m1", (string?)input.Value.Extensions["memoryReference"]!["id"]);
        Assert.Equal("Counter", (string?)node.Extensions["variable"]!["name"]);
        Assert.False((bool)node.Extensions["canStartWorkflow"]!);
        Assert.Equal("Race", node.MergeMode);
        Assert.Equal("Increment", node.DisplayText);
    }

    [Fact]
    public void Deserialize_InputWithNullExpression_ReadsAnEmptyInput()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "connections": [], "activities": [
              { "id": "W1", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": null } } ] } }
            """);

        var input = Assert.Single(Assert.Single(definition.Root.Activities).Inputs);
        Assert.Equal("text", input.Key);
        Assert.Null(input.Value.Expression);
    }

    [Fact]
    public void Deserialize_RetryPolicyWithTextAndSeconds_ReadsBothDurationForms()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "connections": [], "activities": [ { "id": "A", "type": "Elsa.Start",
              "retryPolicy": { "maxAttempts": 4, "initialDelay": "00:00:10", "backoffMultiplier": 1.5, "maxDelay": 600 } } ] } }
            """);

        var policy = Assert.Single(definition.Root.Activities).RetryPolicy;
        Assert.Equal(new RetryPolicy
        {
            MaxAttempts = 4,
            InitialDelay = TimeSpan.FromSeconds(10),
            BackoffMultiplier = 1.5,
            MaxDelay = TimeSpan.FromMinutes(10),
        }, policy);
    }

    [Fact]
    public void Deserialize_VersionWrittenAsText_ReadsTheNumber()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""{ "version": "7", "root": { "type": "Elsa.Flowchart" } }""");

        Assert.Equal(7, definition.Version);
    }

    [Fact]
    public void Deserialize_MissingOptionalProperties_UsesTheDefaults()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""{ "root": { "type": "Elsa.Flowchart" } }""");

        Assert.Equal((1, true, false), (definition.Version, definition.IsLatest, definition.IsPublished));
        Assert.Equal("Flowchart1", definition.Root.Id);
        Assert.Empty(definition.Variables);
        Assert.Empty(definition.Root.Activities);
        Assert.Empty(definition.Root.Connections);
    }

    [Fact]
    public void Deserialize_ParameterWithTypeOrTypeName_ReadsEitherSpelling()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "inputs": [ { "name": "Phone", "type": "String" } ], "outputs": [ { "name": "Sent", "typeName": "Boolean" } ],
              "root": { "type": "Elsa.Flowchart" } }
            """);

        Assert.Equal("String", Assert.Single(definition.Inputs).TypeName);
        Assert.Equal("Boolean", Assert.Single(definition.Outputs).TypeName);
    }
}

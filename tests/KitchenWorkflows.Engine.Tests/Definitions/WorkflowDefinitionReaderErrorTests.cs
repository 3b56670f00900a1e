using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Tests.Definitions;

/// <summary>Malformed JSON and values of the wrong JSON type are reported with the JSON path of the value.</summary>
public sealed class WorkflowDefinitionReaderErrorTests
{
    [Theory]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart" """)]
    [InlineData("""{ "name": 'single quotes' }""")]
    [InlineData("")]
    public void Deserialize_MalformedJson_ThrowsWithAMalformedError(string json)
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(json));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void Deserialize_DocumentIsNotAnObject_ReportsTheRoot(string json)
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(json));

        Assert.Equal("$", Assert.Single(ex.Errors).Path);
    }

    [Theory]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "version": "two" }""", "$.root.activities[1].version")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "version": 1.5 }""", "$.root.activities[1].version")]
    [InlineData("""{ "id": 42, "type": "Elsa.WriteLine" }""", "$.root.activities[1].id")]
    [InlineData("""{ "id": "B", "type": ["Elsa.WriteLine"] }""", "$.root.activities[1].type")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "name": false }""", "$.root.activities[1].name")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "metadata": "designer" }""", "$.root.activities[1].metadata")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "customProperties": [] }""", "$.root.activities[1].customProperties")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "text": { "typeName": 7, "expression": null } }""", "$.root.activities[1].text.typeName")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "text": { "expression": "hello" } }""", "$.root.activities[1].text.expression")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "text": { "expression": { "type": 1, "value": "x" } } }""", "$.root.activities[1].text.expression.type")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": 3 }""", "$.root.activities[1].retryPolicy")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "maxAttempts": "many" } }""", "$.root.activities[1].retryPolicy.maxAttempts")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "maxAttempts": 0 } }""", "$.root.activities[1].retryPolicy.maxAttempts")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "initialDelay": "soon" } }""", "$.root.activities[1].retryPolicy.initialDelay")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "maxDelay": -5 } }""", "$.root.activities[1].retryPolicy.maxDelay")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "backoffMultiplier": "2" } }""", "$.root.activities[1].retryPolicy.backoffMultiplier")]
    [InlineData("""{ "id": "B", "type": "Elsa.WriteLine", "retryPolicy": { "backoffMultiplier": 0.5 } }""", "$.root.activities[1].retryPolicy.backoffMultiplier")]
    public void Deserialize_ActivityPropertyOfWrongType_ReportsItsPath(string secondActivity, string expectedPath)
    {
        var json = $$"""
            { "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "A", "type": "Elsa.Start" }, {{secondActivity}} ] } }
            """;

        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(json));

        Assert.Equal(expectedPath, Assert.Single(ex.Errors).Path);
    }

    [Theory]
    [InlineData("""{ "name": 1, "root": { "type": "Elsa.Flowchart" } }""", "$.name")]
    [InlineData("""{ "isPublished": "yes", "root": { "type": "Elsa.Flowchart" } }""", "$.isPublished")]
    [InlineData("""{ "variables": {}, "root": { "type": "Elsa.Flowchart" } }""", "$.variables")]
    [InlineData("""{ "variables": [ "Counter" ], "root": { "type": "Elsa.Flowchart" } }""", "$.variables[0]")]
    [InlineData("""{ "variables": [ { "name": "A" }, { "name": "B", "isArray": "no" } ], "root": { "type": "Elsa.Flowchart" } }""", "$.variables[1].isArray")]
    [InlineData("""{ "inputs": [ { "name": 5 } ], "root": { "type": "Elsa.Flowchart" } }""", "$.inputs[0].name")]
    [InlineData("""{ }""", "$.root")]
    [InlineData("""{ "root": "Elsa.Flowchart" }""", "$.root")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "start": 1 } }""", "$.root.start")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "activities": {} } }""", "$.root.activities")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "activities": [ null ] } }""", "$.root.activities[0]")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "connections": [ { "source": { "activity": "A" }, "target": "B" } ] } }""", "$.root.connections[0].target")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "connections": [ { "source": { "activity": 3 }, "target": { "activity": "B" } } ] } }""", "$.root.connections[0].source.activity")]
    [InlineData("""{ "root": { "type": "Elsa.Flowchart", "connections": [ { "source": "A", "sourcePort": true, "target": "B" } ] } }""", "$.root.connections[0].sourcePort")]
    public void Deserialize_DefinitionValueOfWrongType_ReportsItsPath(string json, string expectedPath)
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(json));

        Assert.Equal(expectedPath, Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Deserialize_SeveralWrongTypes_ReportsEveryOneAtOnce()
    {
        const string json = """
            { "name": 1, "variables": [ { "name": "A", "isArray": 1 } ],
              "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "A", "version": "x" }, { "id": "B", "metadata": 2 } ] } }
            """;

        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(json));

        Assert.Equal(
            ["$.name", "$.variables[0].isArray", "$.root.activities[0].version", "$.root.activities[1].metadata"],
            ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Contains(e.Path, ex.Message, StringComparison.Ordinal));
    }
}

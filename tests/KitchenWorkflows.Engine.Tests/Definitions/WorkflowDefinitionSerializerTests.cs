using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Tests.Definitions;

/// <summary>Read → write → read keeps everything a definition holds, known to the model or not.</summary>
public sealed class WorkflowDefinitionSerializerTests
{
    // Every level carries properties the model does not know, the way Elsa Studio exports them.
    private const string RichDefinition = """
        {
          "id": "claim-intake-v3",
          "definitionId": "claim-intake",
          "name": "Claim intake",
          "description": "Takes a claim in",
          "version": 3,
          "isLatest": true,
          "isPublished": false,
          "createdAt": "2026-01-05T10:00:00+00:00",
          "toolVersion": "3.6.0.0",
          "options": { "autoUpdateConsumingWorkflows": false },
          "customProperties": { "VariableTestValues": {} },
          "variables": [
            { "id": "v1", "name": "Counter", "typeName": "Int32", "isArray": false, "value": "0",
              "storageDriverTypeName": "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core" },
            { "id": "v2", "name": "Tags", "typeName": "String", "isArray": true }
          ],
          "inputs": [ { "name": "Phone", "type": "String", "displayName": "Phone", "description": "Client phone", "uiHint": "singleline", "isArray": false } ],
          "outputs": [ { "name": "Sent", "type": "Boolean", "category": "Result" } ],
          "root": {
            "id": "Flowchart1",
            "type": "Elsa.Flowchart",
            "version": 1,
            "nodeId": "Workflow1:Flowchart1",
            "metadata": {},
            "applicationProperties": { "NotFoundConnectionsKey": [] },
            "activities": [
              { "id": "Start1", "type": "Elsa.Start", "version": 1, "name": "Start1",
                "customProperties": { "canStartWorkflow": false },
                "metadata": { "designer": { "position": { "x": 96.32421875, "y": 48.98828125 }, "size": { "width": 122.6, "height": 68 } } } },
              { "id": "Set1", "type": "Elsa.SetVariable", "version": 1,
                "variable": { "id": "v1", "name": "Counter", "typeName": "Int32", "value": "0" },
                "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getCounter() + 1" }, "memoryReference": { "id": "Set1:input-1" } },
                "runAsynchronously": false,
                "customProperties": { "mergeMode": "Stream", "notes": [ 1, 2, 3 ] },
                "metadata": { "designer": { "position": { "x": 300, "y": 50 } }, "displayText": "Increment" },
                "retryPolicy": { "maxAttempts": 5, "initialDelay": "00:00:10", "backoffMultiplier": 1.5, "maxDelay": "00:30:00" } },
              { "id": "Write1", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": null },
                "customProperties": {}, "metadata": {} }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Set1", "port": "In" }, "vertices": [ { "x": 1, "y": 2 } ] },
              { "source": { "activity": "Set1", "port": "Done" }, "target": { "activity": "Write1", "port": "In" }, "label": "then" }
            ]
          }
        }
        """;

    [Fact]
    public void ToJsonObject_DefinitionWithUnknownPropertiesEverywhere_WritesTheDocumentItRead()
    {
        var original = JsonNode.Parse(RichDefinition)!;

        var written = WorkflowDefinitionSerializer.ToJsonObject(WorkflowDefinitionSerializer.Deserialize(original));

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Serialize_ReadWriteRead_KeepsEveryModelValue()
    {
        var first = WorkflowDefinitionSerializer.Deserialize(RichDefinition);

        var second = WorkflowDefinitionSerializer.Deserialize(WorkflowDefinitionSerializer.Serialize(first));

        Assert.Equal(
            (first.Id, first.DefinitionId, first.Name, first.Description, first.Version, first.IsLatest, first.IsPublished),
            (second.Id, second.DefinitionId, second.Name, second.Description, second.Version, second.IsLatest, second.IsPublished));
        Assert.True(JsonNode.DeepEquals(first.Extensions, second.Extensions));
        Assert.True(JsonNode.DeepEquals(first.Root.Extensions, second.Root.Extensions));
        Assert.Equal(first.Variables.Select(v => (v.Id, v.Name, v.TypeName, v.IsArray, v.Value?.ToJsonString())),
            second.Variables.Select(v => (v.Id, v.Name, v.TypeName, v.IsArray, v.Value?.ToJsonString())));
        Assert.Equal(first.Inputs.Select(p => (p.Name, p.TypeName, p.DisplayName, p.Description, p.Extensions.ToJsonString())),
            second.Inputs.Select(p => (p.Name, p.TypeName, p.DisplayName, p.Description, p.Extensions.ToJsonString())));
        var set = second.Root.Activities[1];
        Assert.Equal(first.Root.Activities[1].RetryPolicy, set.RetryPolicy);
        Assert.Equal("Set1:input-1", (string?)set.Inputs["value"].Extensions["memoryReference"]!["id"]);
        Assert.Equal(96.32421875, (double)second.Root.Activities[0].Metadata["designer"]!["position"]!["x"]!);
        Assert.Equal([1, 2, 3], set.CustomProperties["notes"]!.AsArray().Select(n => (int)n!));
        Assert.Equal("then", (string?)second.Root.Connections[1].Extensions["label"]);
    }

    [Fact]
    public void ToJsonObject_FlatConnections_WritesThemNestedWithTheirOtherProperties()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "activities": [],
              "connections": [ { "source": "A", "sourcePort": "True", "target": "B", "targetPort": "In", "vertices": [ { "x": 5 } ] } ] } }
            """);

        var connection = WorkflowDefinitionSerializer.ToJsonObject(definition)["root"]!["connections"]![0]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "source": { "activity": "A", "port": "True" }, "target": { "activity": "B", "port": "In" }, "vertices": [ { "x": 5 } ] }
            """), connection), connection.ToJsonString());
    }

    [Fact]
    public void ToJsonObject_RetryPolicyGivenInSeconds_WritesItAsTimeSpanText()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "A", "type": "Elsa.Start",
              "retryPolicy": { "maxAttempts": 2, "initialDelay": 90, "backoffMultiplier": 3, "maxDelay": 3600 } } ] } }
            """);

        var policy = WorkflowDefinitionSerializer.ToJsonObject(definition)["root"]!["activities"]![0]!["retryPolicy"]!;

        Assert.Equal(("00:01:30", "01:00:00", 2, 3d),
            ((string?)policy["initialDelay"], (string?)policy["maxDelay"], (int)policy["maxAttempts"]!, (double)policy["backoffMultiplier"]!));
    }

    [Fact]
    public void Serialize_RussianText_WritesItUnescaped()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize("""
            { "name": "Приём заявки", "description": "Гарантия: \u0434\u0430",
              "variables": [ { "name": "Greeting", "typeName": "String", "value": "Здравствуйте!" } ],
              "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "W1", "type": "Elsa.WriteLine",
                "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'Клиент: ' + getInput('Имя')" } },
                "metadata": { "displayText": "Сообщить клиенту" } } ] } }
            """);

        var json = WorkflowDefinitionSerializer.Serialize(definition);

        Assert.Contains("\"Приём заявки\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Гарантия: да\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Здравствуйте!\"", json, StringComparison.Ordinal);
        Assert.Contains("Клиент: ", json, StringComparison.Ordinal);
        Assert.Contains("getInput(", json, StringComparison.Ordinal);
        Assert.Contains("\"Сообщить клиенту\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u04", json, StringComparison.OrdinalIgnoreCase);
        var again = WorkflowDefinitionSerializer.Deserialize(json);
        Assert.Equal("'Клиент: ' + getInput('Имя')", again.Root.Activities[0].Inputs["text"].Expression!.Text);
        Assert.Equal("Сообщить клиенту", again.Root.Activities[0].DisplayText);
    }

    [Fact]
    public void Clone_ChangingTheCopy_LeavesTheOriginalAlone()
    {
        var original = WorkflowDefinitionSerializer.Deserialize(RichDefinition);

        var copy = WorkflowDefinitionSerializer.Clone(original);
        copy.Root.Activities[1].Metadata["displayText"] = "Changed";
        copy.Root.Activities[1].Inputs["value"].Extensions["memoryReference"]!["id"] = "changed";
        copy.Extensions["toolVersion"] = "9";
        copy.Variables[0].Value = "42";

        Assert.Equal("Increment", original.Root.Activities[1].DisplayText);
        Assert.Equal("Set1:input-1", (string?)original.Root.Activities[1].Inputs["value"].Extensions["memoryReference"]!["id"]);
        Assert.Equal("3.6.0.0", (string?)original.Extensions["toolVersion"]);
        Assert.Equal("0", (string?)original.Variables[0].Value);
    }
}

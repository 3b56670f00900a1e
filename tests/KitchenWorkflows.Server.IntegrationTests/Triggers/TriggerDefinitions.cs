namespace KitchenWorkflows.Server.IntegrationTests.Triggers;

/// <summary>Definitions made of trigger activities only, each marked <c>canStartWorkflow</c> unless said otherwise.</summary>
internal static class TriggerDefinitions
{
    public static string Flow(string definitionId, params string[] activities) => $$"""
        {
          "definitionId": "{{definitionId}}",
          "name": "Triggers",
          "version": 1,
          "root": { "id": "flowchart", "type": "Elsa.Flowchart", "version": 1, "activities": [ {{string.Join(", ", activities)}} ], "connections": [] }
        }
        """;

    public static string Trigger(string id, string type, string input, string literal, bool canStartWorkflow = true) => $$"""
        {
          "id": "{{id}}", "type": "{{type}}", "version": 1,
          "customProperties": { "canStartWorkflow": {{(canStartWorkflow ? "true" : "false")}} },
          "{{input}}": { "typeName": "String", "expression": { "type": "Literal", "value": "{{literal}}" } }
        }
        """;
}

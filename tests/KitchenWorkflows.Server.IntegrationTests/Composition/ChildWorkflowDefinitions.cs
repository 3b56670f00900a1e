namespace KitchenWorkflows.Server.IntegrationTests.Composition;

/// <summary>Small definitions for the child-workflow tests: a parent that runs a child, and children that wait, fault or finish.</summary>
internal static class ChildWorkflowDefinitions
{
    /// <summary>A parent whose <paramref name="activityType"/> (ExecuteWorkflow or DispatchWorkflow) runs <paramref name="childId"/>, then sets its output.</summary>
    public static string Parent(string definitionId, string childId, bool wait, string activityType = "Elsa.ExecuteWorkflow", string name = "Parent") => Flow(definitionId, name, "", $$"""
        {
          "id": "run", "type": "{{activityType}}", "version": 1,
          "workflowDefinitionId": { "typeName": "String", "expression": { "type": "Literal", "value": "{{childId}}" } },
          "input": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "({ Message: 'from parent' })" } },
          "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": {{(wait ? "true" : "false")}} } }
        },
        {
          "id": "after", "type": "Elsa.SetOutput", "version": 1,
          "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "child" } },
          "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getOutputFrom('run')" } }
        }
        """);

    /// <summary>A child that waits for <paramref name="eventName"/>, then sets the output <c>Answer</c>.</summary>
    public static string WaitingChild(string definitionId, string eventName, string name = "Waiting child", string options = "") => Flow(definitionId, name, options, $$"""
        { "id": "wait", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "{{eventName}}" } } },
        {
          "id": "answer", "type": "Elsa.SetOutput", "version": 1,
          "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Answer" } },
          "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "42" } }
        }
        """);

    /// <summary>A child that faults with <paramref name="message"/>.</summary>
    public static string FaultingChild(string definitionId, string message) => Flow(definitionId, "Faulting child", "", $$"""
        { "id": "boom", "type": "Elsa.Fault", "version": 1, "message": { "typeName": "String", "expression": { "type": "Literal", "value": "{{message}}" } } }
        """);

    // Start1 → the given activities in order → end, through Done.
    private static string Flow(string definitionId, string name, string options, string activities)
    {
        var ids = System.Text.RegularExpressions.Regex.Matches(activities, "\"id\": \"([a-z]+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Insert(0, "start");
        var connections = string.Join(",\n", ids.Zip(ids.Skip(1)).Select(p =>
            $$"""{ "source": { "activity": "{{p.First}}", "port": "Done" }, "target": { "activity": "{{p.Second}}", "port": "In" } }"""));
        return $$"""
            {
              "definitionId": "{{definitionId}}", "name": "{{name}}", "version": 1 {{options}},
              "inputs": [ { "name": "Message", "type": "String" } ],
              "outputs": [ { "name": "Answer", "type": "String", "displayName": "Answer" } ],
              "root": {
                "id": "flowchart", "type": "Elsa.Flowchart", "version": 1,
                "activities": [ { "id": "start", "type": "Elsa.Start", "version": 1 }, {{activities}} ],
                "connections": [ {{connections}} ]
              }
            }
            """;
    }
}

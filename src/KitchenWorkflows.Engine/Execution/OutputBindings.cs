using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Elsa's output bindings: a node property with no expression but a <c>memoryReference</c>
/// (<c>"result": {"typeName": "Object", "memoryReference": {"id": "TheSum"}}</c>) names where that output of the activity
/// goes when the activity completes: a variable (by id, or by name as definitions written by hand have it), else an
/// output the workflow declares (Elsa maps an activity's output straight to the workflow's output that way).
/// The output is the entry of that name when the result is a set of named outputs (a workflow used as an activity:
/// the node writes <c>output1</c> for the child's <c>Output1</c>), else the result itself, as <c>getOutputFrom</c> reads it.
/// </summary>
internal static class OutputBindings
{
    /// <summary>Writes the completed activity's bound outputs; a reference to nothing declared is left alone, as in Elsa.</summary>
    public static void Apply(ActivityExecutionContext context)
    {
        foreach (var (output, value) in context.Activity.Node.Extensions)
        {
            if (value is not JsonObject binding || binding.ContainsKey("expression")
                || binding["memoryReference"]?["id"] is not JsonValue reference || !reference.TryGetValue(out string? id))
            {
                continue;
            }

            var definition = context.Definition;
            if ((definition.Variables.Find(v => v.Id == id) ?? definition.Variables.Find(v => v.Name == id)) is { } variable)
            {
                context.SetVariable(variable.Name, Value(context.Result, output));
            }
            else if (definition.Outputs.Find(o => o.Name == id) is { } workflowOutput)
            {
                context.SetWorkflowOutput(workflowOutput.Name, Value(context.Result, output));
            }
        }
    }

    private static object? Value(object? result, string output) =>
        result is IDictionary<string, object?> named && named.Keys.FirstOrDefault(k => string.Equals(k, output, StringComparison.OrdinalIgnoreCase)) is { } key
            ? named[key]
            : result;
}

using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>An activity input as Elsa writes it: <c>{ "typeName": ..., "expression": { "type": ..., "value": ... } }</c>.</summary>
public sealed class ActivityInput
{
    /// <summary>The declared type alias of the input value.</summary>
    public string? TypeName { get; set; }

    /// <summary>The expression that yields the value; null when the input is left empty.</summary>
    public WorkflowExpression? Expression { get; set; }

    /// <summary>Every other property (Elsa's <c>memoryReference</c>, for one), kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

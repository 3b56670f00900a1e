using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>An expression: its syntax (<c>Literal</c>, <c>JavaScript</c>, <c>Liquid</c>, <c>Variable</c>) and its source.</summary>
/// <param name="Type">The expression syntax.</param>
/// <param name="Value">The source: a string for scripts and templates, any JSON for literals.</param>
public sealed record WorkflowExpression(string Type, JsonNode? Value)
{
    /// <summary>The source as text: strings as they are, other JSON as its compact text.</summary>
    public string Text => Value switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => Value.ToJsonString(),
    };

    /// <summary>Creates a literal expression.</summary>
    public static WorkflowExpression Literal(string value) => new(ExpressionTypes.Literal, JsonValue.Create(value));

    /// <summary>Creates a JavaScript expression.</summary>
    public static WorkflowExpression JavaScript(string script) => new(ExpressionTypes.JavaScript, JsonValue.Create(script));
}

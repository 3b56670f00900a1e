using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Elsa's <c>Object</c> expression: JSON text (Elsa Studio's object editor writes <c>"[\"One\",\"Two\"]"</c>) read
/// as the object or array it spells, then converted to the input's type like any other value. Blank text is null.
/// Text that is not JSON stays text, as Elsa hands it to a string input unchanged.
/// </summary>
public sealed class ObjectEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Object;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context) => Read(expression);

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition)
    {
        // Only text that means to be an object or an array must parse; any other text is a plain string value.
        var text = expression.Value is JsonValue ? expression.Text.TrimStart() : "";
        if (!text.StartsWith('{') && !text.StartsWith('['))
        {
            return null;
        }

        try
        {
            JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            return null;
        }
        catch (JsonException ex)
        {
            return "The object is not valid JSON: " + ex.Message;
        }
    }

    /// <summary>The value an Object expression stands for.</summary>
    public static object? Read(WorkflowExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Value is not JsonValue value || !value.TryGetValue(out string? text))
        {
            // Already JSON (an object or array written inline): its plain value.
            return PlainValues.FromJson(expression.Value);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return PlainValues.FromJson(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }));
        }
        catch (JsonException)
        {
            return text;
        }
    }
}

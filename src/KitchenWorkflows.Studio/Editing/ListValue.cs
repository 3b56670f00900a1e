using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// A list input's constant value as the list editor shows it, one text per item, and back in the form the definition
/// had: a <c>Literal</c> holds a JSON array, an <c>Object</c> expression (Elsa's form for Fork branches and HTTP
/// methods) holds the array as JSON text. Numbers stay numbers for a list of numbers (<c>List&lt;Int32&gt;</c>).
/// </summary>
public static class ListValue
{
    private static readonly string[] NumberElements = ["<Int32>", "<Int64>", "<Double>", "<Decimal>", "<Single>"];

    // Russian branch names stay readable in the definition's JSON text.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The items of a constant list of strings or numbers; null when the value is something else (objects, a script).</summary>
    public static IReadOnlyList<string>? Read(WorkflowExpression? expression)
    {
        if (expression is null)
        {
            return [];
        }

        if (expression.Type is not (ExpressionTypes.Literal or ExpressionTypes.Object))
        {
            return null;
        }

        return expression.Value switch
        {
            null => [],
            JsonArray array => Items(array),
            JsonValue text when text.TryGetValue(out string? json) => string.IsNullOrWhiteSpace(json) ? [] : Parse(json),
            _ => null,
        };
    }

    /// <summary>The items as an expression of <paramref name="syntax"/>, typed for <paramref name="typeName"/>.</summary>
    public static WorkflowExpression Write(string syntax, string typeName, IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var numbers = NumberElements.Any(e => typeName.EndsWith(e, StringComparison.Ordinal));
        var array = new JsonArray([.. items.Select(item => numbers && decimal.TryParse(item, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? JsonValue.Create(n)
            : (JsonNode)JsonValue.Create(item))]);
        return syntax == ExpressionTypes.Object
            ? new WorkflowExpression(ExpressionTypes.Object, JsonValue.Create(array.ToJsonString(Readable)))
            : new WorkflowExpression(ExpressionTypes.Literal, array);
    }

    private static IReadOnlyList<string>? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonArray array ? Items(array) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string>? Items(JsonArray array)
    {
        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return null;
            }

            items.Add(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
        }

        return items;
    }
}

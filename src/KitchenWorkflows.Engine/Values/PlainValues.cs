using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Values;

/// <summary>
/// Workflow data lives as plain CLR values: null, string, bool, long, double, decimal, dates,
/// <see cref="Dictionary{TKey,TValue}"/> for objects and <see cref="List{T}"/> for arrays. This class
/// moves values between that shape and JSON, so that snapshots, expressions and APIs agree.
/// </summary>
public static class PlainValues
{
    /// <summary>Converts JSON to plain values.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => FromJsonValue(value),
        _ => null,
    };

    /// <summary>Converts a JSON element to plain values.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(e => FromJson(e)).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Converts a plain value (or any serializable value) to JSON.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        decimal m => JsonValue.Create(m),
        DateTime dt => JsonValue.Create(dt),
        DateTimeOffset dto => JsonValue.Create(dto),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g),
        IDictionary<string, object?> dict => new JsonObject(dict.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IDictionary dict => new JsonObject(dict.Keys.Cast<object>().Select(k => KeyValuePair.Create(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", ToJson(dict[k])))),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToJson)]),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };

    /// <summary>Normalises any value to the plain shape (JSON elements and nodes become dictionaries and lists).</summary>
    public static object? Normalize(object? value) => value switch
    {
        JsonNode node => FromJson(node),
        JsonElement element => FromJson(element),
        _ => value,
    };

    private static object? FromJsonValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A node built in code may hold a Guid, a DateTime or a char that writes as a JSON string but is no
                // string itself, and GetValue<string> throws on it; its JSON text reads back as the string it stands for.
                return value.TryGetValue(out string? text) ? text : JsonSerializer.Deserialize<string>(value);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (value.TryGetValue(out long l))
                {
                    return l;
                }

                if (value.TryGetValue(out int i))
                {
                    return (long)i;
                }

                return value.TryGetValue(out double d) ? d : Convert.ToDouble(value.ToString(), CultureInfo.InvariantCulture);
            default:
                return value.TryGetValue(out object? raw) ? Normalize(raw) : null;
        }
    }
}

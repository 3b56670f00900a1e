using System.Text.Json;
using System.Text.Json.Serialization;

namespace KitchenWorkflows.Engine.Values;

/// <summary>Reads <c>object</c>-typed JSON as plain values (dictionaries, lists, strings, numbers) and writes them back.</summary>
public sealed class PlainValueJsonConverter : JsonConverter<object>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return PlainValues.FromJson(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        // Only workflow data is written as plain values; any other object (an API model reached through
        // an object-typed slot) keeps its own contract and the caller's naming policy.
        if (!IsPlain(value))
        {
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            return;
        }

        var node = PlainValues.ToJson(value);
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer, options);
        }
    }

    private static bool IsPlain(object value) => value is string or bool or int or long or double or float or decimal
        or DateTime or DateTimeOffset or TimeSpan or Guid or System.Text.Json.Nodes.JsonNode or JsonElement
        or IDictionary<string, object?> or List<object?>;
}

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
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>Serializes instance snapshots; values come back in the plain shape, never as opaque JSON elements.</summary>
public static class WorkflowStateSerializer
{
    /// <summary>The options used for snapshots (camelCase, enums as names, plain values for <c>object</c>).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a snapshot as UTF-8 JSON.</summary>
    public static byte[] Serialize(WorkflowInstanceState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>Reads a snapshot.</summary>
    public static WorkflowInstanceState Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(json, Options) ?? throw new JsonException("The snapshot is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new SnapshotValueConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// <see cref="PlainValueJsonConverter"/> with a fast path for the scalars that make up most snapshot values
    /// (strings, booleans, integers, finite doubles): read and written straight from and to the reader and
    /// writer instead of through a <see cref="JsonDocument"/> or a <see cref="System.Text.Json.Nodes.JsonNode"/>
    /// per value. Same JSON, same plain values; objects, arrays and other types take the general path.
    /// </summary>
    private sealed class SnapshotValueConverter : JsonConverter<object>
    {
        private static readonly PlainValueJsonConverter General = new();

        public override bool HandleNull => false;

        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var l) ? l : reader.GetDouble();
                default:
                    return General.Read(ref reader, typeToConvert, options);
            }
        }

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case double d when double.IsFinite(d):
                    writer.WriteNumberValue(d);
                    break;
                default:
                    General.Write(writer, value, options);
                    break;
            }
        }
    }
}

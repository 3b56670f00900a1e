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
        options.Converters.Add(new PlainValueJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

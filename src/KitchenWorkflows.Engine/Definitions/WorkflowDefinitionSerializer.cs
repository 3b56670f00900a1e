using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>Reads and writes workflow definitions in Elsa 3's JSON format.</summary>
public static class WorkflowDefinitionSerializer
{
    // Russian scripts stay readable in the files ops open; only characters unsafe in HTML are escaped.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Reads a definition from JSON text.</summary>
    /// <exception cref="Validation.WorkflowDefinitionException">The JSON is malformed or has values of the wrong type.</exception>
    public static WorkflowDefinition Deserialize(string json) => WorkflowDefinitionReader.Read(json);

    /// <summary>Reads a definition from a parsed JSON document.</summary>
    /// <exception cref="Validation.WorkflowDefinitionException">Values of the wrong type.</exception>
    public static WorkflowDefinition Deserialize(JsonNode? json) => WorkflowDefinitionReader.Read(json);

    /// <summary>Writes a definition as a JSON object (connections in the nested 3.1+ shape).</summary>
    public static JsonObject ToJsonObject(WorkflowDefinition definition) => WorkflowDefinitionWriter.Write(definition);

    /// <summary>Writes a definition as indented JSON text.</summary>
    public static string Serialize(WorkflowDefinition definition) => ToJsonObject(definition).ToJsonString(WriteOptions);

    /// <summary>A deep copy, made through the JSON format so that nothing is shared.</summary>
    public static WorkflowDefinition Clone(WorkflowDefinition definition) => Deserialize(ToJsonObject(definition));
}

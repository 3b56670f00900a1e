using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>A workflow variable: a name, a type alias (Elsa's <c>typeName</c>) and an initial value.</summary>
public sealed class VariableDefinition
{
    /// <summary>An optional id (Elsa writes one; references may use it).</summary>
    public string? Id { get; set; }

    /// <summary>The variable name, used by expressions and <c>getX()</c>/<c>setX()</c> accessors.</summary>
    public string Name { get; set; } = "";

    /// <summary>The type alias, such as <c>String</c>, <c>Int32</c> or <c>Object</c>; see <see cref="Values.VariableTypes"/>.</summary>
    public string TypeName { get; set; } = "Object";

    /// <summary>Whether the variable holds an array of <see cref="TypeName"/>.</summary>
    public bool IsArray { get; set; }

    /// <summary>The initial value as written in the definition (Elsa writes it as a string).</summary>
    public JsonNode? Value { get; set; }

    /// <summary>Every other property, kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

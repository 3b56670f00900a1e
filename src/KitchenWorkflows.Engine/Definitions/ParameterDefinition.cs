using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>A declared workflow input or output.</summary>
public sealed class ParameterDefinition
{
    /// <summary>The parameter name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The type alias, as for variables.</summary>
    public string TypeName { get; set; } = "Object";

    /// <summary>The label shown in the Studio.</summary>
    public string? DisplayName { get; set; }

    /// <summary>An optional description.</summary>
    public string? Description { get; set; }

    /// <summary>Every other property, kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

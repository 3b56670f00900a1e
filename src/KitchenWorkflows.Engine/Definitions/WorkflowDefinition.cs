using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// A workflow definition in Elsa 3's JSON shape: identity, versioning, variables, inputs, outputs
/// and a flowchart root. Properties this model does not know are kept in <see cref="Extensions"/>
/// so that a definition written by Elsa Studio survives a round trip untouched.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>The id of this version of the definition.</summary>
    public string Id { get; set; } = "";

    /// <summary>The id shared by all versions of the definition.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The human-readable name.</summary>
    public string Name { get; set; } = "";

    /// <summary>An optional description.</summary>
    public string? Description { get; set; }

    /// <summary>The version number, starting at 1.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Whether this is the newest version of the definition.</summary>
    public bool IsLatest { get; set; } = true;

    /// <summary>Whether this version is the one new instances run.</summary>
    public bool IsPublished { get; set; }

    /// <summary>The workflow variables.</summary>
    public List<VariableDefinition> Variables { get; set; } = [];

    /// <summary>The declared workflow inputs.</summary>
    public List<ParameterDefinition> Inputs { get; set; } = [];

    /// <summary>The declared workflow outputs.</summary>
    public List<ParameterDefinition> Outputs { get; set; } = [];

    /// <summary>The flowchart that holds the activities.</summary>
    public FlowchartDefinition Root { get; set; } = new();

    /// <summary>Every other property of the JSON document, kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

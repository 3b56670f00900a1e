using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>The root activity of a definition: an <c>Elsa.Flowchart</c> of activities joined by connections.</summary>
public sealed class FlowchartDefinition
{
    /// <summary>The Elsa type name of a flowchart.</summary>
    public const string TypeName = "Elsa.Flowchart";

    /// <summary>The flowchart's own activity id.</summary>
    public string Id { get; set; } = "Flowchart1";

    /// <summary>The root type; only <see cref="TypeName"/> is supported.</summary>
    public string Type { get; set; } = TypeName;

    /// <summary>The activity type version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The id of the start activity, as Elsa 3.0 wrote it; null lets the engine pick.</summary>
    public string? Start { get; set; }

    /// <summary>The activities.</summary>
    public List<ActivityNode> Activities { get; set; } = [];

    /// <summary>The connections between activity ports.</summary>
    public List<Connection> Connections { get; set; } = [];

    /// <summary>Every other property of the root, kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

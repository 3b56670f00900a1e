using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// The root activity of a definition: an <c>Elsa.Flowchart</c> of activities joined by connections. A root of
/// another type (an <c>Elsa.Sequence</c>, a single activity) is held as <see cref="RootActivity"/>, the one
/// activity of an implicit flowchart, so that everything that walks the root's activities sees it.
/// </summary>
public sealed class FlowchartDefinition
{
    /// <summary>The Elsa type name of a flowchart.</summary>
    public const string TypeName = "Elsa.Flowchart";

    /// <summary>The flowchart's own activity id.</summary>
    public string Id { get; set; } = "Flowchart1";

    /// <summary>The root type, <see cref="TypeName"/>.</summary>
    public string Type { get; set; } = TypeName;

    /// <summary>The activity type version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The id of the start activity, as Elsa 3.0 wrote it; null lets the engine pick.</summary>
    public string? Start { get; set; }

    /// <summary>The activities.</summary>
    public List<ActivityNode> Activities { get; set; } = [];

    /// <summary>The connections between activity ports.</summary>
    public List<Connection> Connections { get; set; } = [];

    /// <summary>
    /// The definition's root when it is not a flowchart; then it is also the only entry of <see cref="Activities"/>,
    /// and the writer writes it back as the root.
    /// </summary>
    public ActivityNode? RootActivity { get; set; }

    /// <summary>
    /// Whether the root is still that single activity: a designer that added activities beside it made the root
    /// a flowchart of them, and the definition is written and run as one.
    /// </summary>
    public bool IsSingleActivity => RootActivity is { } single && Activities.Count == 1 && ReferenceEquals(Activities[0], single);

    /// <summary>Every other property of the root, kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

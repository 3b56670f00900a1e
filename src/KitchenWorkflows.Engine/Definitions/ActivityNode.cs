using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// One activity of a flowchart (or nested in another activity) as the definition JSON holds it: its id, type, inputs (properties whose
/// value carries an <c>expression</c>), designer metadata and every other property, kept verbatim.
/// </summary>
public sealed class ActivityNode
{
    /// <summary>The id, unique within the flowchart.</summary>
    public string Id { get; set; } = "";

    /// <summary>The activity type name, such as <c>Elsa.WriteLine</c> or <c>KitchenLab.SendSms</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The activity type version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>An optional name (Elsa Studio writes <c>WriteLine1</c> and the like).</summary>
    public string? Name { get; set; }

    /// <summary>The inputs by JSON property name, in document order.</summary>
    public Dictionary<string, ActivityInput> Inputs { get; set; } = [];

    /// <summary>Custom properties; the engine reads <c>mergeMode</c> and <c>canStartWorkflow</c> from here.</summary>
    public JsonObject CustomProperties { get; set; } = [];

    /// <summary>Designer metadata (position, size, display text); never interpreted, always kept.</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>How a failing execution is retried; null means it faults at once.</summary>
    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>Every other property, kept verbatim (nested activities among them: they are written back from here, as read).</summary>
    public JsonObject Extensions { get; set; } = [];

    /// <summary>
    /// The activities nested in this one (a body, branches, cases, a nested flowchart's activities), in document
    /// order, read from <see cref="Extensions"/> so that the engine can validate and run them.
    /// </summary>
    public List<NestedActivity> Nested { get; set; } = [];

    /// <summary>A nested <c>Elsa.Flowchart</c>'s activities, connections and start; null for any other node.</summary>
    public FlowchartDefinition? Flowchart { get; set; }

    /// <summary>The display text the designer shows, falling back to the name and the id.</summary>
    public string DisplayText =>
        Metadata["displayText"] is JsonValue text && text.TryGetValue(out string? value) && value.Length > 0
            ? value
            : Name ?? Id;

    /// <summary>Whether this activity may start a new instance (a trigger), read from either place Elsa writes it.</summary>
    public bool CanStartWorkflow =>
        ReadBoolean(CustomProperties["canStartWorkflow"]) || ReadBoolean(Extensions["canStartWorkflow"]);

    /// <summary>The merge mode named in the custom properties, if any.</summary>
    public string? MergeMode =>
        CustomProperties["mergeMode"] is JsonValue mode && mode.TryGetValue(out string? value) ? value : null;

    private static bool ReadBoolean(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out bool flag) && flag;
}

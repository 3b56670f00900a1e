using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>A connection from an outcome port of one activity to the inbound port of another.</summary>
public sealed class Connection
{
    /// <summary>The source activity id.</summary>
    public string Source { get; set; } = "";

    /// <summary>The source outcome port, such as <c>Done</c> or <c>True</c>.</summary>
    public string SourcePort { get; set; } = "Done";

    /// <summary>The target activity id.</summary>
    public string Target { get; set; } = "";

    /// <summary>The target port; Elsa always writes <c>In</c>.</summary>
    public string TargetPort { get; set; } = "In";

    /// <summary>True when read from Elsa 3.0's flat shape; used only to report errors at the right JSON path.</summary>
    public bool ReadFlat { get; set; }

    /// <summary>Every other property (<c>vertices</c>, for one), kept verbatim.</summary>
    public JsonObject Extensions { get; set; } = [];
}

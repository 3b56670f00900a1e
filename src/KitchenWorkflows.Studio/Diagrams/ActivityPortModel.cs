using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>A port of an activity: its single inbound <c>In</c> port, or one outcome port named after the outcome.</summary>
public sealed class ActivityPortModel(ActivityNodeModel parent, string name, bool isInbound)
    : PortModel(parent, isInbound ? PortAlignment.Left : PortAlignment.Right, null, new Size(14, 14))
{
    public const string InboundName = "In";

    // Settable so that renaming a switch case keeps its port, and with it the port's connection.
    public string Name { get; set; } = name;

    public bool IsInbound { get; } = isInbound;

    // Links run from an outcome into another activity's In port (or onto the activity, which means its In port).
    public override bool CanAttachTo(ILinkable other) => !IsInbound && other switch
    {
        ActivityPortModel port => port.IsInbound && port.Parent != Parent,
        ActivityNodeModel node => node != Parent,
        _ => false,
    };
}

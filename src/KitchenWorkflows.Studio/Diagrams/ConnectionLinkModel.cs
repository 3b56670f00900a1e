using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>A connection on the canvas; remembers the definition's connection so its extra properties survive a save.</summary>
public sealed class ConnectionLinkModel : LinkModel
{
    public ConnectionLinkModel(Anchor source, Anchor target, Connection? original)
        : base(source, target)
    {
        Original = original;
        TargetMarker = LinkMarker.Arrow;
    }

    public Connection? Original { get; }
}

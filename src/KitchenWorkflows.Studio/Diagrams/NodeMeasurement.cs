using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>
/// What the browser measured of one node (<c>kwStudio.measureNode</c>): its size and its ports' boxes relative to
/// its top left corner, all in unscaled canvas pixels, so the current zoom and pan play no part in them.
/// </summary>
public sealed record NodeMeasurement(double Width, double Height, IReadOnlyList<PortMeasurement> Ports)
{
    /// <summary>Gives the node its size and each port its place on the canvas; answers whether anything moved.</summary>
    public bool ApplyTo(NodeModel node)
    {
        var changed = false;
        var size = new Size(Width, Height);
        if (node.Size is null || !node.Size.Equals(size))
        {
            node.Size = size;
            changed = true;
        }

        foreach (var measured in Ports)
        {
            if (node.Ports.FirstOrDefault(p => p.Id == measured.Id) is not { } port)
            {
                continue;
            }

            var position = new Point(node.Position.X + measured.X, node.Position.Y + measured.Y);
            var portSize = new Size(measured.Width, measured.Height);
            if (!port.Initialized || !port.Position.Equals(position) || !port.Size.Equals(portSize))
            {
                port.Position = position;
                port.Size = portSize;
                port.Initialized = true;
                changed = true;
            }
        }

        if (changed)
        {
            foreach (var port in node.Ports)
            {
                port.RefreshLinks();
            }
        }

        return changed;
    }
}

/// <summary>One port's box inside its node.</summary>
public sealed record PortMeasurement(string Id, double X, double Y, double Width, double Height);

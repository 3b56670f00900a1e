using Blazor.Diagrams.Core.Geometry;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>
/// Where the canvas looks when it fits a flow: the zoom that shows every node, kept between a readable minimum
/// (titles stay legible on a big flow, whose start then sits at the top left) and natural size (a one-node flow is
/// not blown up), and the pan that centres what fits.
/// </summary>
public static class FlowView
{
    /// <summary>Below this the 13 px titles of the nodes cannot be read.</summary>
    public const double MinimumReadableZoom = 0.7;

    /// <summary>Nodes are drawn for 100 %; a fit never enlarges them.</summary>
    public const double MaximumFitZoom = 1;

    public const double Margin = 40;

    /// <summary>The zoom and pan that fit <paramref name="nodes"/> (canvas coordinates) into a canvas of <paramref name="canvas"/>'s size.</summary>
    public static (double Zoom, Point Pan) Fit(IReadOnlyCollection<Rectangle> nodes, Size canvas)
    {
        if (nodes.Count == 0 || canvas.Width <= 0 || canvas.Height <= 0)
        {
            return (MaximumFitZoom, Point.Zero);
        }

        var left = nodes.Min(n => n.Left);
        var top = nodes.Min(n => n.Top);
        var width = nodes.Max(n => n.Right) - left;
        var height = nodes.Max(n => n.Bottom) - top;
        var zoom = Math.Clamp(
            Math.Min((canvas.Width - (2 * Margin)) / width, (canvas.Height - (2 * Margin)) / height),
            MinimumReadableZoom,
            MaximumFitZoom);
        return (zoom, new Point(Offset(left, width, canvas.Width, zoom), Offset(top, height, canvas.Height, zoom)));
    }

    // Centred along an axis where the flow fits; where it does not, its start (left or top) stays in view.
    private static double Offset(double start, double length, double available, double zoom) =>
        (length * zoom) + (2 * Margin) <= available
            ? ((available - (length * zoom)) / 2) - (start * zoom)
            : Margin - (start * zoom);
}

using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using CanvasPoint = Blazor.Diagrams.Core.Geometry.Point;
using CanvasSize = Blazor.Diagrams.Core.Geometry.Size;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>
/// Arranges a flow in layers from left to right (Sugiyama, by AutomaticGraphLayout): each activity one layer right of
/// what leads to it, crossings kept few; flows that are not connected to each other are placed side by side.
/// </summary>
public static class LayeredLayout
{
    /// <summary>The room around the arranged flow, so that the left-most ports are not on the canvas edge.</summary>
    private const double Margin = 40;

    /// <returns>The top left corner of every box, in canvas coordinates (y grows downwards).</returns>
    public static IReadOnlyDictionary<string, CanvasPoint> Arrange(IReadOnlyList<(string Id, CanvasSize Size)> boxes, IEnumerable<(string Source, string Target)> links)
    {
        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var (id, size) in boxes)
        {
            var node = new Node(CurveFactory.CreateRectangle(size.Width, size.Height, new Point()), id);
            graph.Nodes.Add(node);
            nodes[id] = node;
        }

        foreach (var (source, target) in links)
        {
            // A loop back to the same activity does not decide a layer; the layout cannot route it either.
            if (source != target && nodes.TryGetValue(source, out var from) && nodes.TryGetValue(target, out var to))
            {
                graph.Edges.Add(new Edge(from, to));
            }
        }

        if (nodes.Count == 0)
        {
            return new Dictionary<string, CanvasPoint>();
        }

        // Layers run from top to bottom; a quarter turn makes them run from left to right, as flowcharts are read.
        var settings = new SugiyamaLayoutSettings
        {
            Transformation = PlaneTransformation.Rotation(Math.PI / 2),
            NodeSeparation = 40,
            LayerSeparation = 120,
        };
        LayoutHelpers.CalculateLayout(graph, settings, null);

        // The layout's y grows upwards: its top is the canvas' smallest y.
        var left = nodes.Values.Min(n => n.BoundingBox.Left);
        var top = nodes.Values.Max(n => n.BoundingBox.Top);
        return nodes.ToDictionary(
            n => n.Key,
            n => new CanvasPoint(Math.Round(n.Value.BoundingBox.Left - left + Margin), Math.Round(top - n.Value.BoundingBox.Top + Margin)),
            StringComparer.Ordinal);
    }
}

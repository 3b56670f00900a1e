using System.Globalization;
using System.Text.Json.Nodes;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>
/// Puts a definition's flowchart on a canvas and reads it back: node positions go to
/// <c>metadata.designer.position</c>, links become connections (a link left hanging becomes a
/// connection with no target, which the server reports at its JSON path).
/// </summary>
public static class FlowchartDiagramMapper
{
    public static void Load(BlazorDiagram diagram, WorkflowDefinition definition, IReadOnlyDictionary<string, ActivityTypeInfo> types)
    {
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            var fallback = 0;
            foreach (var activity in definition.Root.Activities)
            {
                types.TryGetValue(activity.Type, out var type);
                var position = ReadPosition(activity) ?? new Point(40 + (fallback++ * 260), 40);
                diagram.Nodes.Add(new ActivityNodeModel(activity, type, ActivityOutcomes.For(activity, type, definition.Root.Connections), position));
            }

            var nodes = diagram.Nodes.OfType<ActivityNodeModel>().ToDictionary(n => n.Activity.Id, StringComparer.Ordinal);
            foreach (var connection in definition.Root.Connections)
            {
                if (!nodes.TryGetValue(connection.Source, out var source) || source.FindOutcome(connection.SourcePort) is not { } port)
                {
                    continue;
                }

                Anchor target = nodes.TryGetValue(connection.Target, out var targetNode)
                    ? new SinglePortAnchor(targetNode.InPort)
                    : new PositionAnchor(new Point(source.Position.X + 300, source.Position.Y));
                diagram.Links.Add(new ConnectionLinkModel(new SinglePortAnchor(port), target, connection));
            }
        });
    }

    /// <summary>Writes the canvas back into the definition: activities in canvas order, their positions, and the links as connections.</summary>
    /// <returns>The links in the order of <c>root.connections</c>, to place the server's errors on them.</returns>
    public static IReadOnlyList<ConnectionLinkModel> Save(BlazorDiagram diagram, WorkflowDefinition definition)
    {
        var nodes = diagram.Nodes.OfType<ActivityNodeModel>().ToList();
        foreach (var node in nodes)
        {
            WritePosition(node.Activity, node.Position);
        }

        definition.Root.Activities = [.. nodes.Select(n => n.Activity)];
        var links = diagram.Links.OfType<ConnectionLinkModel>().Where(l => l.Source is SinglePortAnchor { Port: ActivityPortModel }).ToList();
        definition.Root.Connections = [.. links.Select(ToConnection)];
        return links;
    }

    public static Point? ReadPosition(ActivityNode activity) =>
        activity.Metadata["designer"]?["position"] is JsonObject position
        && TryRead(position["x"], out var x) && TryRead(position["y"], out var y)
            ? new Point(x, y)
            : null;

    public static void WritePosition(ActivityNode activity, Point position)
    {
        if (activity.Metadata["designer"] is not JsonObject designer)
        {
            designer = [];
            activity.Metadata["designer"] = designer;
        }

        designer["position"] = new JsonObject { ["x"] = Math.Round(position.X), ["y"] = Math.Round(position.Y) };
    }

    private static Connection ToConnection(ConnectionLinkModel link)
    {
        var source = (ActivityPortModel)((SinglePortAnchor)link.Source).Port;
        var target = link.Target is SinglePortAnchor { Port: ActivityPortModel port } ? port : null;
        return new Connection
        {
            Source = ((ActivityNodeModel)source.Parent).Activity.Id,
            SourcePort = source.Name,
            Target = (target?.Parent as ActivityNodeModel)?.Activity.Id ?? "",
            TargetPort = ActivityPortModel.InboundName,
            Extensions = link.Original?.Extensions.DeepClone().AsObject() ?? [],
        };
    }

    private static bool TryRead(JsonNode? node, out double value)
    {
        value = 0;
        // A value built in memory keeps its CLR type (int, not double), so read it through its JSON text.
        var text = node switch
        {
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            JsonValue v when v.TryGetValue(out string? s) => s,
            _ => null,
        };
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}

using Blazor.Diagrams.Core.Geometry;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Diagrams;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// Copied activities with the connections between them, kept as the JSON of a definition of their own: a copy
/// that later edits of the original cannot change, and that pastes into any definition (the one it came from or another).
/// </summary>
public sealed class FlowFragment
{
    private readonly string _json;

    private FlowFragment(string json, int count, Point topLeft)
    {
        _json = json;
        Count = count;
        TopLeft = topLeft;
    }

    /// <summary>How many activities it holds.</summary>
    public int Count { get; }

    /// <summary>The top left corner of the copied activities' positions.</summary>
    public Point TopLeft { get; }

    /// <summary>The activities of <paramref name="definition"/> with these ids, and the connections that run between two of them.</summary>
    public static FlowFragment Of(WorkflowDefinition definition, IReadOnlySet<string> activityIds)
    {
        var fragment = new WorkflowDefinition { Name = "fragment" };
        fragment.Root.Activities.AddRange(definition.Root.Activities.Where(a => activityIds.Contains(a.Id)));
        fragment.Root.Connections.AddRange(definition.Root.Connections.Where(c => activityIds.Contains(c.Source) && activityIds.Contains(c.Target)));
        var positions = fragment.Root.Activities.Select(FlowchartDiagramMapper.ReadPosition).OfType<Point>().ToList();
        var topLeft = positions.Count == 0 ? new Point(0, 0) : new Point(positions.Min(p => p.X), positions.Min(p => p.Y));
        return new FlowFragment(WorkflowDefinitionSerializer.Serialize(fragment), fragment.Root.Activities.Count, topLeft);
    }

    /// <summary>
    /// Adds a fresh copy to <paramref name="target"/>: every activity under a new free id (a name that was its id
    /// follows it), connections re-pointed at the copies, positions moved by <paramref name="shift"/>.
    /// </summary>
    /// <returns>The new activities' ids.</returns>
    public IReadOnlyList<string> PasteInto(WorkflowDefinition target, Point shift)
    {
        var copy = WorkflowDefinitionSerializer.Deserialize(_json);
        var taken = target.Root.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var activity in copy.Root.Activities)
        {
            var id = ActivityFactory.FreeId(activity.Type, taken);
            taken.Add(id);
            renamed[activity.Id] = id;
            if (activity.Name is null || activity.Name == activity.Id)
            {
                activity.Name = id;
            }

            activity.Id = id;
            var position = FlowchartDiagramMapper.ReadPosition(activity) ?? TopLeft;
            FlowchartDiagramMapper.WritePosition(activity, new Point(position.X + shift.X, position.Y + shift.Y));
            target.Root.Activities.Add(activity);
        }

        foreach (var connection in copy.Root.Connections)
        {
            connection.Source = renamed[connection.Source];
            connection.Target = renamed[connection.Target];
            target.Root.Connections.Add(connection);
        }

        return [.. renamed.Values];
    }
}

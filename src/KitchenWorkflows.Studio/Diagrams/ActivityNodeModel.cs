using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>An activity on the canvas: the definition's node itself (edits go straight to it), its type and its ports.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(ActivityNode activity, ActivityTypeInfo? type, IEnumerable<string> outcomes, Point position)
        : base(activity.Id, position)
    {
        // The node widget measures the node with its ports (NodeMeasurement); the library's own measuring races the zoom.
        ControlledSize = true;
        Activity = activity;
        Type = type;
        InPort = (ActivityPortModel)AddPort(new ActivityPortModel(this, ActivityPortModel.InboundName, isInbound: true));
        foreach (var outcome in outcomes)
        {
            AddPort(new ActivityPortModel(this, outcome, isInbound: false));
        }
    }

    public ActivityNode Activity { get; }

    /// <summary>The descriptor; null for a type the server does not know (the node still shows, with an error).</summary>
    public ActivityTypeInfo? Type { get; }

    public ActivityPortModel InPort { get; }

    public IEnumerable<ActivityPortModel> OutcomePorts => Ports.OfType<ActivityPortModel>().Where(p => !p.IsInbound);

    /// <summary>The server's validation messages for this activity, shown on the node.</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];

    /// <summary>How often an instance ran it; null on the designer canvas.</summary>
    public int? ExecutionCount { get; set; }

    public ActivityPortModel? FindOutcome(string name) => OutcomePorts.FirstOrDefault(p => p.Name == name);
}

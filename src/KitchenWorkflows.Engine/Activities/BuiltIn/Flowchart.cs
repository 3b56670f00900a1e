using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// A flowchart nested in another activity (a loop's body, a FlowNode's, a Sequence's step): its activities
/// run along its connections with their own tokens, and it completes when nothing inside it runs or waits any
/// more, or at once when a terminal activity (End, Break) completes in it.
/// </summary>
[Activity(FlowchartDefinition.TypeName, Category = "Workflow", Description = "Activities joined by connections.")]
public sealed class Flowchart : CompositeActivity
{
    private FlowGraph? _graph;
    private string? _start;
    private Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (_start is null)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        context.Frame.Tokens = [];
        context.Schedule(_activities[_start]);
        return ValueTask.FromResult(ActivityResult.Running);
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion)
    {
        if (completion.IsTerminal)
        {
            return ActivityResult.Done;
        }

        var frame = context.Frame;
        var state = context.Workflow.State;
        Flow(state, frame).Emit(completion.Child.Node.Id, completion.Outcomes);
        return FrameTree.IsIdle(state, frame) ? ActivityResult.Done : ActivityResult.Running;
    }

    /// <summary>The flow of one execution of this flowchart, over its frame.</summary>
    internal TokenFlow Flow(WorkflowInstanceState state, ExecutionFrame frame) =>
        new(_graph!, _activities, new FrameFlowState(state, frame, _activities));

    internal override void Attach(IReadOnlyList<(NestedActivity Nested, Activity Child)> children)
    {
        base.Attach(children);
        var flowchart = Node.Flowchart ?? new FlowchartDefinition();
        _activities = children.Where(c => c.Nested.Slot == NestedActivities.ActivitiesSlot).ToDictionary(c => c.Child.Node.Id, c => c.Child, StringComparer.Ordinal);
        _start = StartActivity.Find(flowchart);
        _graph = new FlowGraph(flowchart, _start);
    }
}

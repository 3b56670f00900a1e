using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Holds one activity (its <c>body</c>, often a flowchart) as a node of a flowchart; completes when the body completed.</summary>
[Activity("Elsa.FlowNode", Category = "Workflow", DisplayName = "Flow Node", Description = "Run the body, then continue.")]
public sealed class FlowNode : CompositeActivity
{
    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (ChildIn("body") is not { } body)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        context.Schedule(body);
        return ValueTask.FromResult(ActivityResult.Running);
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => ActivityResult.Done;
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>A test activity that copies its typed inputs, as converted, to the workflow outputs of the same names.</summary>
[Activity("Test.TypedInputs")]
internal sealed class TypedInputsProbe : Activity
{
    public Input<bool> Flag { get; set; } = new();

    public Input<int> Count { get; set; } = new();

    public Input<TimeSpan> Wait { get; set; } = new();

    public Input<List<string>> Names { get; set; } = new();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetWorkflowOutput("flag", context.Get(Flag));
        context.SetWorkflowOutput("count", context.Get(Count));
        context.SetWorkflowOutput("wait", context.Get(Wait));
        context.SetWorkflowOutput("names", context.Get(Names));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

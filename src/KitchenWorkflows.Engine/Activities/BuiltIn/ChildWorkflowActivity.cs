using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// What <c>Elsa.ExecuteWorkflow</c> and <c>Elsa.DispatchWorkflow</c> share: Elsa's inputs, and asking the host for a
/// child instance of the published version of a definition (a real instance, with this one as its parent).
/// </summary>
public abstract class ChildWorkflowActivity : Activity
{
    /// <summary>The definition of the child.</summary>
    [Input(DisplayName = "Workflow Definition", Description = "The definition id of the workflow to run as a child.", Required = true, UIHint = "workflow-definition-picker")]
    public Input<string> WorkflowDefinitionId { get; set; } = new();

    /// <summary>The child's correlation id.</summary>
    [Input(DisplayName = "Correlation ID", Description = "The correlation id of the child instance.")]
    public Input<string> CorrelationId { get; set; } = new();

    /// <summary>The child's input.</summary>
    [Input(Description = "The input to send to the child workflow.", UIHint = InputUIHints.Json)]
    public Input<object> Input { get; set; } = new();

    /// <summary>Whether to wait for the child to end.</summary>
    [Input(Description = "Wait for the child workflow to complete before completing this activity.")]
    public Input<bool> WaitForCompletion { get; set; } = new();

    /// <summary>Asks the host for the child; returns its instance id, or null (with <paramref name="problem"/>) when the inputs name no definition.</summary>
    protected string? StartChild(ActivityExecutionContext context, bool runNow, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definitionId = context.Get(WorkflowDefinitionId);
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            problem = "The workflow definition id evaluated to an empty string.";
            return null;
        }

        var given = PlainValues.Normalize(context.Get(Input));
        if (given is not (null or IDictionary<string, object?>))
        {
            problem = "The input must be an object of named values.";
            return null;
        }

        var input = given is IDictionary<string, object?> values
            ? new Dictionary<string, object?>(values, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

        // As in Elsa, the child can read which instance started it from its input.
        input["ParentInstanceId"] = context.Workflow.State.Id;
        var correlationId = context.Get(CorrelationId);
        var instanceId = ChildWorkflowWait.ChildInstanceId(context);
        context.Workflow.StartChild(new ChildWorkflowStart(instanceId, definitionId, string.IsNullOrEmpty(correlationId) ? null : correlationId, input, runNow) { DryRun = context.IsDryRun });
        problem = null;
        return instanceId;
    }
}

using System.Globalization;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Values;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>What an activity sees while it executes: its inputs, the workflow's data, services and the clock.</summary>
public sealed class ActivityExecutionContext
{
    internal ActivityExecutionContext(WorkflowExecutionContext workflow, Activity activity)
    {
        Workflow = workflow;
        Activity = activity;
    }

    /// <summary>The run this execution belongs to.</summary>
    public WorkflowExecutionContext Workflow { get; }

    /// <summary>The executing activity.</summary>
    public Activity Activity { get; }

    /// <summary>The activity id.</summary>
    public string ActivityId => Activity.Node.Id;

    /// <summary>Signals that the host is stopping.</summary>
    public CancellationToken CancellationToken => Workflow.CancellationToken;

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => Workflow.Clock.GetUtcNow();

    /// <summary>The attempt number of this execution, 1 for the first.</summary>
    public int Attempt => Workflow.State.FailedAttempts.GetValueOrDefault(ActivityId) + 1;

    /// <summary>
    /// A key that is the same for every attempt of this activity execution and different for any other
    /// execution, for outside systems to drop repeated side effects (crash recovery, retries).
    /// </summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture,
        $"{Workflow.State.Id}:{ActivityId}:{Workflow.State.ExecutionCounts.GetValueOrDefault(ActivityId)}");

    internal string? Message { get; private set; }

    internal object? Result { get; private set; }

    internal bool HasResult { get; private set; }

    /// <summary>Evaluates an input to its typed value.</summary>
    /// <exception cref="FormatException">The value does not convert to <typeparamref name="T"/>.</exception>
    public T? Get<T>(Input<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsLiteral)
        {
            return input.Literal;
        }

        return input.Expression is null ? default : ValueConverter.ConvertTo<T>(Evaluate(input.Expression));
    }

    /// <summary>Evaluates an expression.</summary>
    public object? Evaluate(WorkflowExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!Workflow.Evaluators.TryGet(expression.Type, out var evaluator))
        {
            throw new InvalidOperationException($"No evaluator for expressions of type '{expression.Type}'.");
        }

        return evaluator.Evaluate(expression, this);
    }

    /// <summary>Reads a variable; undeclared names read as null.</summary>
    public object? GetVariable(string name) => Workflow.State.Variables.GetValueOrDefault(name);

    /// <summary>Sets a variable, converted to its declared type; setting an undeclared name declares an Object.</summary>
    public void SetVariable(string name, object? value)
    {
        Workflow.State.Variables[name] = Workflow.Workflow.Variables.TryGetValue(name, out var variable)
            ? VariableTypes.Coerce(value, variable.TypeName, variable.IsArray)
            : PlainValues.Normalize(value);
    }

    /// <summary>Reads a workflow input.</summary>
    public object? GetWorkflowInput(string name) => Workflow.State.Input.GetValueOrDefault(name);

    /// <summary>Sets a workflow output.</summary>
    public void SetWorkflowOutput(string name, object? value) => Workflow.State.Output[name] = PlainValues.Normalize(value);

    /// <summary>The last result of another activity.</summary>
    public object? GetOutputFrom(string activityId) => Workflow.State.ActivityOutputs.GetValueOrDefault(activityId);

    /// <summary>Records this execution's result, for <c>getOutputFrom</c> and <c>getLastResult</c>.</summary>
    public void SetResult(object? value)
    {
        Result = PlainValues.Normalize(value);
        HasResult = true;
    }

    /// <summary>Writes a line to the journal entry of this execution.</summary>
    public void WriteLine(string? text) => Message = Message is null ? text : Message + Environment.NewLine + text;

    /// <summary>Takes the payload of the trigger that started this instance, once, if this activity is that trigger.</summary>
    public bool TryTakeTriggerPayload(out object? payload)
    {
        var state = Workflow.State;
        if (state.TriggerActivityId == ActivityId)
        {
            payload = state.TriggerPayload;
            state.TriggerActivityId = null;
            state.TriggerPayload = null;
            return true;
        }

        payload = null;
        return false;
    }

    /// <summary>Resolves a host service.</summary>
    public T GetRequiredService<T>()
        where T : notnull => Workflow.Services.GetRequiredService<T>();
}

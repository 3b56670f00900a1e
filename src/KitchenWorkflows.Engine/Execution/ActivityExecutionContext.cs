using System.Globalization;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Values;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>What an activity sees while it executes: its inputs, the workflow's data, services and the clock.</summary>
public sealed partial class ActivityExecutionContext
{
    private ExecutionFrame? _frame;

    internal ActivityExecutionContext(WorkflowExecutionContext workflow, Activity activity, ExecutionFrame? scope = null, ExecutionFrame? frame = null)
    {
        Workflow = workflow;
        Activity = activity;
        Scope = scope;
        _frame = frame;
    }

    /// <summary>The run this execution belongs to.</summary>
    public WorkflowExecutionContext Workflow { get; }

    /// <summary>The executing activity.</summary>
    public Activity Activity { get; }

    /// <summary>The activity id.</summary>
    public string ActivityId => Activity.Node.Id;

    /// <summary>The frame this activity runs in; null in the root flowchart.</summary>
    public ExecutionFrame? Scope { get; }

    /// <summary>The definition whose node this activity is (the used workflow's, inside a workflow used as an activity).</summary>
    public WorkflowDefinition Definition => KeyPrefix.Length == 0 ? Workflow.Definition : Activity.Definition;

    /// <summary>A composite's own frame, opened on first use; the children it schedules run in it.</summary>
    public ExecutionFrame Frame => _frame ??= FrameTree.Open(Workflow.State, Activity.Key, Scope, Now);

    internal bool HasFrame => _frame is not null;

    /// <summary>Signals that the host is stopping.</summary>
    public CancellationToken CancellationToken => Workflow.CancellationToken;

    /// <summary>The current time.</summary>
    public DateTimeOffset Now => Workflow.Clock.GetUtcNow();

    /// <summary>The attempt number of this execution, 1 for the first.</summary>
    public int Attempt => Workflow.State.FailedAttempts.GetValueOrDefault(Activity.Key) + 1;

    /// <summary>
    /// A key that is the same for every attempt of this activity execution and different for any other
    /// execution, for outside systems to drop repeated side effects (crash recovery, retries).
    /// </summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture,
        $"{Workflow.State.Id}:{Activity.Key}:{Workflow.State.ExecutionCounts.GetValueOrDefault(Activity.Key)}");

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

    /// <summary>Reads a variable, the innermost scope's first (a loop's CurrentValue, a used workflow's own); undeclared names read as null.</summary>
    public object? GetVariable(string name)
    {
        if (Scope is not null && FrameWithVariable(name) is { } frame)
        {
            return frame.Variables![name];
        }

        return Workflow.State.Variables.GetValueOrDefault(name);
    }

    /// <summary>Sets a variable where it is declared, converted to its declared type; setting an undeclared name declares an Object.</summary>
    public void SetVariable(string name, object? value)
    {
        if (Scope is not null && FrameWithVariable(name) is { } frame)
        {
            var declared = Definition.Variables.Find(v => v.Name == name);
            frame.Variables![name] = declared is not null ? VariableTypes.Coerce(value, declared.TypeName, declared.IsArray) : PlainValues.Normalize(value);
            return;
        }

        Workflow.State.Variables[name] = Workflow.Workflow.Variables.TryGetValue(name, out var variable)
            ? VariableTypes.Coerce(value, variable.TypeName, variable.IsArray)
            : PlainValues.Normalize(value);
    }

    /// <summary>The names of the variables declared in the frames around this activity (loop variables, a used workflow's).</summary>
    public IEnumerable<string> ScopedVariableNames() =>
        FrameTree.Upwards(Workflow.State, Scope).SelectMany(f => f.Variables?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal);

    /// <summary>Reads an input of the enclosing workflow (a used workflow's input is what its node was given).</summary>
    public object? GetWorkflowInput(string name) => (WorkflowFrame()?.Input ?? Workflow.State.Input).GetValueOrDefault(name);

    /// <summary>Sets an output of the enclosing workflow (a used workflow's output becomes its node's output).</summary>
    public void SetWorkflowOutput(string name, object? value) => (WorkflowFrame()?.Output ?? Workflow.State.Output)[name] = PlainValues.Normalize(value);

    /// <summary>The last result of another activity of the same workflow, by id or name.</summary>
    public object? GetOutputFrom(string activityId)
    {
        var outputs = Workflow.State.ActivityOutputs;
        var key = KeyPrefix + activityId;
        if (outputs.TryGetValue(key, out var value))
        {
            return value;
        }

        return FindByName(activityId) is { } named ? outputs.GetValueOrDefault(named.Key) : null;
    }

    /// <summary>
    /// One named output of another activity (Elsa's <c>getOutputFrom(id, name)</c> and <c>get{Output}From{Name}()</c>):
    /// the entry of that name when the activity's result is a set of named outputs (a used workflow's), else the result.
    /// </summary>
    public object? GetOutputFrom(string activityIdOrName, string outputName)
    {
        var result = GetOutputFrom(activityIdOrName);
        return result is IDictionary<string, object?> named && named.TryGetValue(outputName, out var value) ? value : result;
    }

    /// <summary>Records this execution's result, for <c>getOutputFrom</c> and <c>getLastResult</c>.</summary>
    public void SetResult(object? value)
    {
        Result = PlainValues.Normalize(value);
        HasResult = true;
    }

    /// <summary>Writes a line to the journal entry of this execution.</summary>
    public void WriteLine(string? text) => Message = Message is null ? text : Message + Environment.NewLine + text;

    /// <summary>
    /// Queues a child in this composite's <see cref="Frame"/>; with variables, in a scope of its own that holds
    /// them (a loop iteration's CurrentValue), whose <paramref name="iteration"/> its completion reports.
    /// </summary>
    public void Schedule(Activity child, IReadOnlyDictionary<string, object?>? variables = null, int iteration = 0)
    {
        ArgumentNullException.ThrowIfNull(child);
        var frame = Frame;
        if (variables is not null)
        {
            frame = FrameTree.Open(Workflow.State, Activity.Key, frame, Now, isScope: true);
            frame.Index = iteration;
            frame.Variables = variables.ToDictionary(v => v.Key, v => PlainValues.Normalize(v.Value), StringComparer.Ordinal);
        }

        Workflow.State.Scheduled.Add(new ScheduledActivity(child.Key, frame.Id));
    }

    /// <summary>Sets the instance name (<c>Elsa.SetName</c>).</summary>
    public void SetInstanceName(string? name) => Workflow.State.Name = name;

    // Keys inside a workflow used as an activity carry the using node's key: ids given by scripts resolve within it.
    private string KeyPrefix => Activity.Key.Length == Activity.Node.Id.Length ? "" : Activity.Key[..^Activity.Node.Id.Length];

    private Activity? FindByName(string name)
    {
        foreach (var activity in Workflow.Workflow.Activities.Values)
        {
            if (activity.Node.Name == name && ReferenceEquals(activity.Definition, Activity.Definition) && activity.Key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                return activity;
            }
        }

        return null;
    }

    private ExecutionFrame? FrameWithVariable(string name) =>
        FrameTree.Upwards(Workflow.State, Scope).FirstOrDefault(f => f.Variables?.ContainsKey(name) == true);

    private ExecutionFrame? WorkflowFrame() =>
        Scope is null ? null : FrameTree.Upwards(Workflow.State, Scope).FirstOrDefault(f => f.Output is not null);

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

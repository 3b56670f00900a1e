using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// What a C# script sees, named as in Elsa 3: <c>Variables</c>/<c>Variable</c> (a property per declared variable,
/// plus <c>Get</c>/<c>Set</c>), <c>Input</c>/<c>Inputs</c> (a property per declared workflow input, plus <c>Get</c>),
/// <c>Output.From("activityId")</c> and <c>Output.LastResult</c>, <c>Outcome.Set("A", "B")</c> (in <c>Elsa.RunCSharp</c>),
/// <c>ExecutionContext</c>, <c>WorkflowInstanceId</c>, <c>CorrelationId</c>; and ours: <c>WorkflowDefinitionId</c> and
/// <c>CancellationToken</c>, signalled at the time limit, which a long script should check.
/// </summary>
public sealed class CSharpGlobals
{
    private readonly ScriptSession _session;

    internal CSharpGlobals(ScriptSession session, CancellationToken cancellationToken)
    {
        _session = session;
        CancellationToken = cancellationToken;
        ExecutionContext = new ExecutionContextProxy(session);
        Output = new OutputProxy(session);
        Outcome = new OutcomeProxy(session);
    }

    /// <summary>Variables and workflow inputs by name.</summary>
    public ExecutionContextProxy ExecutionContext { get; }

    /// <summary>Other activities' results.</summary>
    public OutputProxy Output { get; }

    /// <summary>The outcomes <c>Elsa.RunCSharp</c> completes with.</summary>
    public OutcomeProxy Outcome { get; }

    /// <summary>The instance id.</summary>
    public string WorkflowInstanceId => _session.Context.Workflow.State.Id;

    /// <summary>The definition id.</summary>
    public string WorkflowDefinitionId => _session.Context.Workflow.State.DefinitionId;

    /// <summary>The instance's correlation id; settable.</summary>
    public string? CorrelationId
    {
        get => _session.Context.Workflow.State.CorrelationId;
        set => _session.Context.Workflow.State.CorrelationId = value;
    }

    /// <summary>Signalled when the evaluation reaches its time limit.</summary>
    public CancellationToken CancellationToken { get; }
}

/// <summary>Variables and workflow inputs by name (Elsa's <c>ExecutionContext</c> global).</summary>
public sealed class ExecutionContextProxy
{
    private readonly ScriptSession _session;

    internal ExecutionContextProxy(ScriptSession session) => _session = session;

    /// <summary>A variable, converted to <typeparamref name="T"/>.</summary>
    public T? GetVariable<T>(string name) => ValueConverter.ConvertTo<T>(_session.Context.GetVariable(name));

    /// <summary>A variable as stored.</summary>
    public object? GetVariable(string name) => _session.Context.GetVariable(name);

    /// <summary>Sets a variable (converted to its declared type).</summary>
    public void SetVariable(string name, object? value) => _session.Context.SetVariable(name, value);

    /// <summary>A workflow input, converted to <typeparamref name="T"/>.</summary>
    public T? GetInput<T>(string name) => ValueConverter.ConvertTo<T>(_session.Context.GetWorkflowInput(name));

    /// <summary>A workflow input as given.</summary>
    public object? GetInput(string name) => _session.Context.GetWorkflowInput(name);
}

/// <summary>Other activities' results (Elsa's <c>Output</c> global).</summary>
public sealed class OutputProxy
{
    private readonly ScriptSession _session;

    internal OutputProxy(ScriptSession session) => _session = session;

    /// <summary>The last result of an activity, by id.</summary>
    public object? From(string activityId) => _session.Context.GetOutputFrom(activityId);

    /// <summary>The last result of an activity, converted to <typeparamref name="T"/>.</summary>
    public T? From<T>(string activityId) => ValueConverter.ConvertTo<T>(From(activityId));

    /// <summary>The result of the activity that ran last with one.</summary>
    public object? LastResult => _session.Context.Workflow.State.LastResult;
}

/// <summary>The outcomes <c>Elsa.RunCSharp</c> completes with (Elsa's <c>Outcome</c> global).</summary>
public sealed class OutcomeProxy
{
    private readonly ScriptSession _session;

    internal OutcomeProxy(ScriptSession session) => _session = session;

    /// <summary>Chooses the outcome ports; they must be among the activity's possible outcomes.</summary>
    public void Set(params string[] outcomeNames) => _session.Outcomes = [.. outcomeNames];
}

/// <summary>The base of the generated <c>Variables</c> accessor: <c>Get</c>/<c>Set</c> by name, properties per variable.</summary>
public abstract class VariablesProxyBase(ExecutionContextProxy executionContext)
{
    /// <summary>The script's execution context.</summary>
    public ExecutionContextProxy ExecutionContext { get; } = executionContext;

    /// <summary>A variable, converted to <typeparamref name="T"/>.</summary>
    public T? Get<T>(string name) => ExecutionContext.GetVariable<T>(name);

    /// <summary>A variable as stored.</summary>
    public object? Get(string name) => ExecutionContext.GetVariable(name);

    /// <summary>Sets a variable.</summary>
    public void Set(string name, object? value) => ExecutionContext.SetVariable(name, value);
}

/// <summary>The base of the generated <c>Input</c> accessor: <c>Get</c> by name, properties per declared input.</summary>
public abstract class InputsProxyBase(ExecutionContextProxy executionContext)
{
    /// <summary>The script's execution context.</summary>
    public ExecutionContextProxy ExecutionContext { get; } = executionContext;

    /// <summary>A workflow input, converted to <typeparamref name="T"/>.</summary>
    public T? Get<T>(string name) => ExecutionContext.GetInput<T>(name);
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Expressions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>One run of one instance: the compiled workflow, the state being changed, the services, and what the run produced.</summary>
public sealed class WorkflowExecutionContext
{
    private TokenFlow? _rootFlow;

    internal WorkflowExecutionContext(CompiledWorkflow workflow, WorkflowInstanceState state, IServiceProvider services,
        ExpressionEvaluators evaluators, TimeProvider clock, CancellationToken cancellationToken)
    {
        Workflow = workflow;
        State = state;
        Services = services;
        Evaluators = evaluators;
        Clock = clock;
        CancellationToken = cancellationToken;
    }

    /// <summary>The compiled workflow.</summary>
    public CompiledWorkflow Workflow { get; }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition => Workflow.Definition;

    /// <summary>The instance state this run changes.</summary>
    public WorkflowInstanceState State { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Signals that the host is stopping; the run halts between activities and keeps its queue.</summary>
    public CancellationToken CancellationToken { get; }

    internal ExpressionEvaluators Evaluators { get; }

    /// <summary>The root flowchart's token flow.</summary>
    internal TokenFlow RootFlow => _rootFlow ??= new TokenFlow(Workflow, State);

    internal List<JournalEntry> Journal { get; } = [];

    internal List<Bookmark> CreatedBookmarks { get; } = [];

    internal List<PublishedEvent> PublishedEvents { get; } = [];

    internal List<ChildWorkflowStart> StartedChildren { get; } = [];

    /// <summary>Queues an event for the host to deliver once this run's state is saved (an outbox, so a crash never loses or repeats it).</summary>
    public void PublishEvent(string eventName, string? correlationId, object? payload) =>
        PublishedEvents.Add(new PublishedEvent(eventName, correlationId, payload));

    /// <summary>Asks the host for a child instance, started once this run's state is saved (an outbox, like <see cref="PublishEvent"/>).</summary>
    public void StartChild(ChildWorkflowStart child) => StartedChildren.Add(child);
}

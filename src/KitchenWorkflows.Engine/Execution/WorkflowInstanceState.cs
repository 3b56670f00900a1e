using System.Text.Json.Serialization;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Everything an instance is: status, data, bookmarks, incidents and the interpreter's pending work.
/// It serializes to JSON (<see cref="WorkflowStateSerializer"/>) between any two activities, so a host
/// can persist it and continue on another node. The journal is not part of it; runs return new entries.
/// </summary>
public sealed class WorkflowInstanceState
{
    /// <summary>The instance id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The definition id.</summary>
    public string DefinitionId { get; set; } = "";

    /// <summary>The definition version the instance runs; only a migration (an alteration by hand) changes it.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>The correlation id, if any.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The instance that started this one as its child (<c>Elsa.ExecuteWorkflow</c>, <c>Elsa.DispatchWorkflow</c>); null for a top-level instance.</summary>
    public string? ParentId { get; set; }

    /// <summary>Running or finished.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The detailed state.</summary>
    public WorkflowSubStatus SubStatus { get; set; }

    /// <summary>The input the instance was started with.</summary>
    public Dictionary<string, object?> Input { get; set; } = [];

    /// <summary>The outputs set by <c>Elsa.SetOutput</c>.</summary>
    public Dictionary<string, object?> Output { get; set; } = [];

    /// <summary>The variable values by name.</summary>
    public Dictionary<string, object?> Variables { get; set; } = [];

    /// <summary>
    /// Searchable labels of the instance (like Temporal's search attributes), set by <c>KitchenWorkflows.SetTag</c>
    /// or the script global <c>setTag</c>; a host indexes them so that instances can be found by name and value.
    /// </summary>
    public Dictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The bookmarks the instance waits on.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>The faults, newest last.</summary>
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>The instance name, set by <c>Elsa.SetName</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Activity ids of the root flowchart queued to execute, first to run first.</summary>
    public List<string> Queue { get; set; } = [];

    /// <summary>Activities that composites scheduled in their frames, first to run first; they run before <see cref="Queue"/>.</summary>
    public List<ScheduledActivity> Scheduled { get; set; } = [];

    /// <summary>The frames of the composite activities executing now, outermost first.</summary>
    public List<ExecutionFrame> Frames { get; set; } = [];

    /// <summary>Tokens that reached an activity that has not run on them yet (joins in waiting).</summary>
    public List<Token> Tokens { get; set; } = [];

    /// <summary>The last result of each activity that produced one, for <c>getOutputFrom</c>.</summary>
    public Dictionary<string, object?> ActivityOutputs { get; set; } = [];

    /// <summary>The result of the last activity that produced one, for <c>getLastResult</c>.</summary>
    public object? LastResult { get; set; }

    /// <summary>
    /// How many executions of each activity started, for idempotency keys and the Studio's path view. A retry
    /// repeats the execution that failed and does not count again.
    /// </summary>
    public Dictionary<string, int> ExecutionCounts { get; set; } = [];

    /// <summary>Failed attempts of activities whose last execution failed and that a retry (by policy or by hand) repeats.</summary>
    public Dictionary<string, int> FailedAttempts { get; set; } = [];

    /// <summary>The activity that faulted the instance, until it is retried.</summary>
    public string? FaultedActivityId { get; set; }

    /// <summary>The frame the faulted activity ran in; null for the root flowchart.</summary>
    public string? FaultedFrameId { get; set; }

    /// <summary>The trigger activity that started this instance and has not run yet (an event that started it).</summary>
    public string? TriggerActivityId { get; set; }

    /// <summary>The stimulus of that trigger (the event payload).</summary>
    public object? TriggerPayload { get; set; }

    /// <summary>
    /// A test run (<see cref="StartRequest.DryRun"/>): kept with the instance, so a test run stays one when an event
    /// or a timer resumes it later, on any node.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DryRun { get; set; }

    /// <summary>
    /// The outside calls a test run recorded instead of making, in order; null until it records one, so that the
    /// snapshots of real runs, written after every step, carry neither this nor <see cref="DryRun"/>.
    /// </summary>
    public List<WithheldCall>? WithheldCalls { get; set; }

    /// <summary>The number of journal entries written so far.</summary>
    public long JournalSequence { get; set; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the instance finished, faulted or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Whether activities wait in either queue.</summary>
    public bool HasQueuedWork() => Queue.Count > 0 || Scheduled.Count > 0;
}

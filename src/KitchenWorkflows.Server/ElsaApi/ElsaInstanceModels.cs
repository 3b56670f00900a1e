using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's <c>WorkflowInstanceSummary</c>, a line of the instance list.</summary>
internal sealed record ElsaWorkflowInstanceSummary(
    string Id, string DefinitionId, string DefinitionVersionId, int Version, WorkflowStatus Status, WorkflowSubStatus SubStatus,
    string? CorrelationId, string? Name, int IncidentCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>Elsa's <c>WorkflowInstance</c>: the summary's fields and the workflow state.</summary>
internal sealed record ElsaWorkflowInstance(
    string Id, string DefinitionId, string DefinitionVersionId, int Version, ElsaWorkflowState WorkflowState, WorkflowStatus Status, WorkflowSubStatus SubStatus,
    string? CorrelationId, string? Name, int IncidentCount, bool IsSystem, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>Elsa's <c>WorkflowState</c>. Our engine keeps its own execution state, so Elsa's activity execution contexts and completion callbacks stay empty.</summary>
internal sealed record ElsaWorkflowState(
    string Id, string DefinitionId, int DefinitionVersion, string DefinitionVersionId, string? CorrelationId, WorkflowStatus Status, WorkflowSubStatus SubStatus,
    IReadOnlyList<ElsaBookmark> Bookmarks, IReadOnlyList<ElsaActivityIncident> Incidents, object? Fault,
    IReadOnlyList<object> CompletionCallbacks, IReadOnlyList<object> ActivityExecutionContexts,
    IReadOnlyDictionary<string, object?> Input, IReadOnlyDictionary<string, object?> Output, IReadOnlyDictionary<string, object?> Properties,
    int ExecutionLogSequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>Elsa's <c>Bookmark</c>: what an instance waits on.</summary>
internal sealed record ElsaBookmark(
    string Id, string Name, string Hash, object? Payload, string ActivityId, string ActivityNodeId, string ActivityInstanceId,
    DateTimeOffset CreatedAt, bool AutoBurn, string? CallbackMethodName, IReadOnlyDictionary<string, string>? Metadata);

/// <summary>Elsa's <c>ActivityIncident</c>.</summary>
internal sealed record ElsaActivityIncident(string ActivityId, string ActivityNodeId, string ActivityType, string Message, ElsaExceptionState? Exception, DateTimeOffset Timestamp);

/// <summary>Elsa's <c>ExceptionState</c>.</summary>
internal sealed record ElsaExceptionState(string Type, string Message, string? StackTrace, ElsaExceptionState? InnerException);

/// <summary>Elsa's <c>WorkflowExecutionLogRecord</c>, a line of the journal.</summary>
internal sealed record ElsaWorkflowExecutionLogRecord(
    string Id, string ActivityInstanceId, string? ParentActivityInstanceId, string ActivityId, string ActivityType, int ActivityTypeVersion,
    string? ActivityName, string NodeId, DateTimeOffset Timestamp, long Sequence, string? EventName, string? Message, string? Source,
    IReadOnlyDictionary<string, object?>? ActivityState, object? Payload);

/// <summary>Elsa's <c>ActivityExecutionRecord</c>: one execution of an activity.</summary>
internal sealed record ElsaActivityExecutionRecord(
    string Id, string WorkflowInstanceId, string ActivityId, string ActivityNodeId, string ActivityType, int ActivityTypeVersion, string? ActivityName,
    IReadOnlyDictionary<string, object?>? ActivityState, IReadOnlyDictionary<string, object?>? Payload, IReadOnlyDictionary<string, object?>? Outputs,
    IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Metadata, ElsaExceptionState? Exception,
    DateTimeOffset StartedAt, bool HasBookmarks, ElsaActivityStatus Status, int AggregateFaultCount, DateTimeOffset? CompletedAt);

/// <summary>Elsa's activity status of an execution record.</summary>
internal enum ElsaActivityStatus
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Completed.</summary>
    Completed,

    /// <summary>Cancelled.</summary>
    Canceled,

    /// <summary>Faulted.</summary>
    Faulted,
}

/// <summary>Elsa's answer to execute.</summary>
internal sealed record ElsaExecuteResponse(ElsaWorkflowState WorkflowState);

/// <summary>Elsa's answer to dispatch.</summary>
internal sealed record ElsaDispatchResponse(string WorkflowInstanceId);

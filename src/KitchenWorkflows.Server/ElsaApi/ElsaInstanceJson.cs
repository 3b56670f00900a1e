using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Apis;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Our instances, journals and incidents in Elsa's shapes. The input is what the <c>/api</c> answers already hold,
/// shaped for the caller (personal data masked where <see cref="PersonalDataView"/> says), so both doors show the same.
/// </summary>
/// <param name="DefinitionVersionId">The id of the version the instance runs (Elsa's <c>definitionVersionId</c>).</param>
/// <param name="RootId">The flowchart's id, the first segment of node ids.</param>
/// <param name="NodeIds">The node ids of the version's activities, by activity id.</param>
internal sealed record ElsaInstanceJson(string DefinitionVersionId, string RootId, IReadOnlyDictionary<string, string> NodeIds)
{
    /// <summary>The mapping for instances of one definition version; a deleted version still maps, with root-based node ids.</summary>
    public static async Task<ElsaInstanceJson> ForAsync(WorkflowDefinitionStore store, string definitionId, int version, CancellationToken cancellationToken) =>
        await store.FindAsync(definitionId, new VersionSelector(VersionSelectorKind.Specific, version), cancellationToken) is { Definition: var definition }
            ? new ElsaInstanceJson(definition.Id, definition.Root.Id, ElsaNodeIds.Of(definition))
            : new ElsaInstanceJson("", new FlowchartDefinition().Id, new Dictionary<string, string>());

    /// <summary>A line of the instance list.</summary>
    public static ElsaWorkflowInstanceSummary Summary(InstanceListItem item, string definitionVersionId, string? name, int incidentCount) => new(
        item.WorkflowInstanceId, item.DefinitionId, definitionVersionId, item.DefinitionVersion, item.Status, item.SubStatus,
        item.CorrelationId, name, incidentCount, item.CreatedAt, item.UpdatedAt, item.FinishedAt);

    /// <summary>An instance with its state.</summary>
    public ElsaWorkflowInstance Instance(WorkflowInstanceSummary instance, string? name) => new(
        instance.WorkflowInstanceId, instance.DefinitionId, DefinitionVersionId, instance.DefinitionVersion, State(instance), instance.Status, instance.SubStatus,
        instance.CorrelationId, name, instance.Incidents.Count(i => !i.Resolved), false, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);

    /// <summary>The state of an instance, as execute answers it.</summary>
    public ElsaWorkflowState State(WorkflowInstanceSummary instance) => new(
        instance.WorkflowInstanceId, instance.DefinitionId, instance.DefinitionVersion, DefinitionVersionId, instance.CorrelationId, instance.Status, instance.SubStatus,
        [.. instance.Bookmarks.Select(Bookmark)], [.. instance.Incidents.Where(i => !i.Resolved).Select(Incident)], null, [], [],
        instance.Input, instance.Output, new Dictionary<string, object?> { ["variables"] = instance.Variables, ["tags"] = instance.Tags },
        0, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);

    /// <summary>The journal as Elsa's execution log: each of our entries is an activity's start and its end.</summary>
    public IReadOnlyList<ElsaWorkflowExecutionLogRecord> Log(string instanceId, IReadOnlyList<JournalEntry> journal) =>
        [.. journal.SelectMany(entry => new[]
        {
            LogRecord(instanceId, entry, entry.Sequence * 2, "Started", entry.StartedAt, null),
            LogRecord(instanceId, entry, (entry.Sequence * 2) + 1, EndEvent(entry.Status), entry.CompletedAt, entry.Error ?? entry.Message),
        })];

    /// <summary>The journal as Elsa's activity execution records, one per execution.</summary>
    public IReadOnlyList<ElsaActivityExecutionRecord> Executions(string instanceId, IReadOnlyList<JournalEntry> journal) =>
        [.. journal.Select(entry => new ElsaActivityExecutionRecord(
            ExecutionId(instanceId, entry), instanceId, entry.ActivityId, NodeId(entry.ActivityId), entry.ActivityType, 1, entry.ActivityName,
            null, new Dictionary<string, object?> { ["outcomes"] = entry.Outcomes }, null,
            new Dictionary<string, object?>(), new Dictionary<string, object?>(),
            entry.Error is null ? null : new ElsaExceptionState("Error", entry.Error, null, null),
            entry.StartedAt, entry.Status == JournalEntryStatus.Suspended, Status(entry.Status), entry.Status is JournalEntryStatus.Faulted ? 1 : 0,
            entry.Status == JournalEntryStatus.Suspended ? null : entry.CompletedAt))];

    /// <summary>The id of one execution record: the instance and the journal sequence.</summary>
    public static string ExecutionId(string instanceId, JournalEntry entry) => $"{instanceId}:{entry.Sequence}";

    private string NodeId(string activityId) => ElsaNodeIds.Lookup(NodeIds, RootId, activityId);

    private ElsaWorkflowExecutionLogRecord LogRecord(string instanceId, JournalEntry entry, long sequence, string eventName, DateTimeOffset at, string? message) => new(
        $"{instanceId}:{sequence}", ExecutionId(instanceId, entry), null, entry.ActivityId, entry.ActivityType, 1, entry.ActivityName, NodeId(entry.ActivityId),
        at, sequence, eventName, message, null, null, eventName == "Started" ? null : new Dictionary<string, object?> { ["outcomes"] = entry.Outcomes });

    private ElsaBookmark Bookmark(Bookmark bookmark) => new(
        bookmark.Id, bookmark.Name, bookmark.Id, bookmark.Payload, bookmark.ActivityId, NodeId(bookmark.ActivityId), bookmark.Id,
        bookmark.CreatedAt, true, null, bookmark.DueAt is { } due ? new Dictionary<string, string> { ["dueAt"] = due.ToString("O") } : null);

    private ElsaActivityIncident Incident(Incident incident) => new(
        incident.ActivityId, NodeId(incident.ActivityId), incident.ActivityType, incident.Message,
        new ElsaExceptionState(incident.ExceptionType ?? "Error", incident.Message, null, null), incident.Timestamp);

    private static string EndEvent(JournalEntryStatus status) => status switch
    {
        JournalEntryStatus.Suspended => "Suspended",
        JournalEntryStatus.Retrying or JournalEntryStatus.Faulted => "Faulted",
        _ => "Completed",
    };

    private static ElsaActivityStatus Status(JournalEntryStatus status) => status switch
    {
        JournalEntryStatus.Suspended => ElsaActivityStatus.Running,
        JournalEntryStatus.Retrying or JournalEntryStatus.Faulted => ElsaActivityStatus.Faulted,
        _ => ElsaActivityStatus.Completed,
    };
}

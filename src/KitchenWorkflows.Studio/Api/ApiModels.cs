using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Testing;

namespace KitchenWorkflows.Studio.Api;

/// <summary>One line of <c>GET /api/workflow-definitions</c>.</summary>
public sealed record DefinitionSummary(
    string DefinitionId,
    string Name,
    int LatestVersion,
    int? PublishedVersion,
    bool IsPublished,
    bool HasDraft,
    DateTimeOffset UpdatedAt);

/// <summary>An activity type as <c>GET /api/activity-descriptors</c> describes it.</summary>
public sealed record ActivityTypeInfo(
    string TypeName,
    int Version,
    string DisplayName,
    string Category,
    string Description,
    IReadOnlyList<string> Outcomes,
    bool HasDynamicOutcomes,
    bool IsTrigger,
    IReadOnlyList<InputInfo> Inputs);

/// <summary>One input of an activity type: what the property panel edits and how.</summary>
public sealed record InputInfo(
    string Name,
    string DisplayName,
    string TypeName,
    string Description,
    bool Required,
    string UIHint,
    IReadOnlyList<string>? Options,
    string DefaultSyntax,
    string? DefaultValue);

/// <summary>One line of the instance list.</summary>
public sealed record InstanceListItem(
    string WorkflowInstanceId,
    string DefinitionId,
    int DefinitionVersion,
    string Status,
    string SubStatus,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A page of a list; when <paramref name="TotalCountIsExact"/> is false there are more than <paramref name="TotalCount"/> items (the server stops counting past a bound).</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountIsExact = true);

/// <summary>An instance's summary: status, data, what it waits on, its faults and the executed path.</summary>
public sealed record InstanceSummary
{
    public required string WorkflowInstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string Status { get; init; } = "";

    public string SubStatus { get; init; } = "";

    public string? CorrelationId { get; init; }

    public JsonObject Input { get; init; } = [];

    public JsonObject Output { get; init; } = [];

    public JsonObject Variables { get; init; } = [];

    public IReadOnlyList<BookmarkInfo> Bookmarks { get; init; } = [];

    public IReadOnlyList<IncidentInfo> Incidents { get; init; } = [];

    public IReadOnlyDictionary<string, int> ExecutionCounts { get; init; } = new Dictionary<string, int>();

    public bool DryRun { get; init; }

    public IReadOnlyList<WithheldCall> WithheldCalls { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A test case a publish was refused for, with how its run differed from what it expects.</summary>
public sealed record FailedTestCase(string Name, IReadOnlyList<TestCaseDifference> Differences);

/// <summary>Where an instance waits.</summary>
public sealed record BookmarkInfo(string Id, string ActivityId, string ActivityType, string Name, string? CorrelationId, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

/// <summary>Why an instance faulted: <paramref name="Message"/> for ops, <paramref name="Detail"/> the technical message beneath it, if any.</summary>
public sealed record IncidentInfo(string ActivityId, string ActivityType, string Message, string? ExceptionType, int Attempts, DateTimeOffset Timestamp, bool Resolved, string? Detail = null);

/// <summary>One activity execution of an instance.</summary>
public sealed record JournalEntryInfo(
    long Sequence,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    string Status,
    IReadOnlyList<string> Outcomes,
    string? Message,
    string? Error);

/// <summary>The instance list's filter.</summary>
public sealed record InstanceQuery(string? DefinitionId = null, string? Status = null, string? SubStatus = null, string? CorrelationId = null, int Page = 1, int PageSize = 50);

/// <summary>One version of a definition, as <c>GET …/{id}/versions</c> lists it.</summary>
public sealed record DefinitionVersion(int Version, bool IsLatest, bool IsPublished, DateTimeOffset UpdatedAt);

/// <summary>The server's answer to an expression check.</summary>
public sealed record ExpressionCheck(string? Error);

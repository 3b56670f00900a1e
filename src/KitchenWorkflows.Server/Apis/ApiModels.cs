using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The body of <c>execute</c> and <c>dispatch</c>.</summary>
/// <param name="Input">The workflow input.</param>
/// <param name="CorrelationId">The correlation id, by which events find the instance.</param>
/// <param name="DryRun">A test run: the instance's outside calls (SMS, Usedesk, e-mail…) are recorded in <c>withheldCalls</c>, not made.</param>
public sealed record StartWorkflowRequest(JsonObject? Input, string? CorrelationId, bool DryRun = false);

/// <summary>The answer to <c>dispatch</c>.</summary>
/// <param name="WorkflowInstanceId">The queued instance.</param>
public sealed record DispatchWorkflowResponse(string WorkflowInstanceId);

/// <summary>The body of an event.</summary>
/// <param name="CorrelationId">Only instances with this correlation id are resumed; null resumes all waiting on the event.</param>
/// <param name="Payload">The event payload, the waiting activity's result.</param>
public sealed record PublishEventRequest(string? CorrelationId, JsonNode? Payload);

/// <summary>The answer to an event.</summary>
/// <param name="WorkflowInstanceIds">The instances resumed or started.</param>
public sealed record PublishEventResponse(IReadOnlyList<string> WorkflowInstanceIds);

/// <summary>An instance as the API shows it.</summary>
public sealed record WorkflowInstanceSummary
{
    /// <summary>The instance id.</summary>
    public required string WorkflowInstanceId { get; init; }

    /// <summary>The definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The version it runs.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>Running or Finished.</summary>
    public WorkflowStatus Status { get; init; }

    /// <summary>Executing, Suspended, Finished, Faulted or Cancelled.</summary>
    public WorkflowSubStatus SubStatus { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The instance that started this one as its child, if any.</summary>
    public string? ParentId { get; init; }

    /// <summary>The input.</summary>
    public required IReadOnlyDictionary<string, object?> Input { get; init; }

    /// <summary>The outputs.</summary>
    public required IReadOnlyDictionary<string, object?> Output { get; init; }

    /// <summary>The variables.</summary>
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }

    /// <summary>Its tags (searchable names and values), which the instance list filters by with <c>tag=name:value</c>.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>What it waits on.</summary>
    public required IReadOnlyList<Bookmark> Bookmarks { get; init; }

    /// <summary>Its faults.</summary>
    public required IReadOnlyList<Incident> Incidents { get; init; }

    /// <summary>How often each activity ran: the executed path, for the Studio.</summary>
    public required IReadOnlyDictionary<string, int> ExecutionCounts { get; init; }

    /// <summary>Whether it is a test run, whose outside calls are recorded instead of made.</summary>
    public bool DryRun { get; init; }

    /// <summary>The outside calls a test run recorded instead of making.</summary>
    public required IReadOnlyList<WithheldCall> WithheldCalls { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Maps a snapshot.</summary>
    public static WorkflowInstanceSummary From(WorkflowInstanceState state) => new()
    {
        WorkflowInstanceId = state.Id,
        DefinitionId = state.DefinitionId,
        DefinitionVersion = state.DefinitionVersion,
        Status = state.Status,
        SubStatus = state.SubStatus,
        CorrelationId = state.CorrelationId,
        ParentId = state.ParentId,
        Input = state.Input,
        Output = state.Output,
        Variables = state.Variables,
        Tags = state.Tags,
        Bookmarks = state.Bookmarks,
        Incidents = state.Incidents,
        ExecutionCounts = state.ExecutionCounts,
        DryRun = state.DryRun,
        WithheldCalls = state.WithheldCalls ?? [],
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
    };
}

/// <summary>The body of <c>POST /api/expressions/check</c>.</summary>
/// <param name="Syntax">JavaScript, Liquid, or another syntax the server evaluates.</param>
/// <param name="Expression">The expression's text.</param>
public sealed record CheckExpressionRequest(string? Syntax, string? Expression);

/// <summary>The answer to <c>POST /api/expressions/check</c>.</summary>
/// <param name="Error">Why the expression does not compile; null when it does.</param>
public sealed record CheckExpressionResponse(string? Error);

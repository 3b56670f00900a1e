namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// A point where an instance waits: for a named event (optionally correlated), or until a due time
/// (a delay, a timer, a cron occurrence or a retry back-off). Resuming it continues the activity that made it.
/// </summary>
public sealed record Bookmark
{
    /// <summary>Well-known bookmark name of a retry back-off.</summary>
    public const string RetryName = "KitchenWorkflows.Retry";

    /// <summary>The unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The key of the activity that waits (its id; inside a workflow used as an activity, prefixed with the using node's key).</summary>
    public required string ActivityId { get; init; }

    /// <summary>The frame the activity runs in; null for the root flowchart.</summary>
    public string? FrameId { get; init; }

    /// <summary>The activity's type name.</summary>
    public required string ActivityType { get; init; }

    /// <summary>The event name to wait for, or the activity type for due-time bookmarks.</summary>
    public required string Name { get; init; }

    /// <summary>The correlation an event must carry to resume this bookmark, when set.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>When a due-time bookmark is to be resumed by the scheduler.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Activity-specific state kept until resumption.</summary>
    public Dictionary<string, object?>? Payload { get; init; }

    /// <summary>
    /// Shared by the bookmarks one activity made together with <see cref="Activities.ActivityResult.SuspendUntilFirst"/>:
    /// resuming one of them removes the others. Null for a bookmark made alone.
    /// </summary>
    public string? GroupId { get; init; }

    /// <summary>When the bookmark was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.Engine.Runtime;

/// <summary>
/// Background scheduling a durable host provides (Hangfire in the server): resuming due-time bookmarks,
/// firing scheduled triggers. Calls must be idempotent: the work they schedule checks that it is still due.
/// </summary>
public interface IWorkflowScheduler
{
    /// <summary>Schedules the resumption of a due-time bookmark (a delay, a timer, a retry back-off).</summary>
    Task ScheduleBookmarkAsync(string instanceId, string bookmarkId, DateTimeOffset dueAt, bool isRetry, CancellationToken cancellationToken = default);

    /// <summary>Replaces the scheduled triggers of a definition by those of its newly published version (none: removes them).</summary>
    Task ScheduleTriggersAsync(string definitionId, int version, IReadOnlyList<ScheduledTriggerInfo> triggers, CancellationToken cancellationToken = default);
}

/// <summary>A scheduled trigger of a published version.</summary>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="Schedule">When it starts instances.</param>
public sealed record ScheduledTriggerInfo(string ActivityId, TriggerSchedule Schedule);

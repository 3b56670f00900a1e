namespace KitchenWorkflows.Engine.Runtime;

/// <summary>What a scheduler calls back into the host to do; every call is safe to repeat.</summary>
public interface IWorkflowBackgroundWork
{
    /// <summary>Resumes a due-time bookmark; does nothing when it was already consumed.</summary>
    Task ResumeDueBookmarkAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts an instance from a scheduled trigger if it is still published (in version <paramref name="version"/>,
    /// when given); false when the trigger is stale and its schedule should stop.
    /// </summary>
    Task<bool> FireTriggerAsync(string definitionId, string activityId, int? version, CancellationToken cancellationToken = default);

    /// <summary>Picks up work a dead process left: overdue bookmarks and instances whose lease lapsed.</summary>
    Task SweepAsync(CancellationToken cancellationToken = default);
}

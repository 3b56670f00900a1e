namespace KitchenWorkflows.Engine.Runtime;

/// <summary>What a scheduler calls back into the host to do; every call is safe to repeat.</summary>
public interface IWorkflowBackgroundWork
{
    /// <summary>Resumes a due-time bookmark; does nothing when it was already consumed.</summary>
    Task ResumeDueBookmarkAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>Starts an instance from a scheduled trigger of the published version, if it is still published.</summary>
    Task FireTriggerAsync(string definitionId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Picks up work a dead process left: overdue bookmarks and instances whose lease lapsed.</summary>
    Task SweepAsync(CancellationToken cancellationToken = default);
}

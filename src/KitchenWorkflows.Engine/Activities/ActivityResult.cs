namespace KitchenWorkflows.Engine.Activities;

/// <summary>What an activity execution asks the interpreter to do next.</summary>
public abstract record ActivityResult
{
    /// <summary>Complete through the <c>Done</c> port.</summary>
    public static ActivityResult Done { get; } = new Completed([Activity.DonePort]);

    /// <summary>Complete through the given outcome ports (none: a dead end).</summary>
    public static ActivityResult Complete(params string[] outcomes) => new Completed(outcomes);

    /// <summary>Wait on a bookmark; the activity's resume method continues it.</summary>
    public static ActivityResult Suspend(BookmarkRequest bookmark) => new Suspended(bookmark);

    /// <summary>
    /// Wait on several bookmarks at once (an answer or a reminder's due time, say): the first one resumed
    /// wins, and the others are removed before the activity's resume method runs.
    /// </summary>
    public static ActivityResult SuspendUntilFirst(params BookmarkRequest[] bookmarks) => new SuspendedUntilFirst(bookmarks);

    /// <summary>End the whole workflow now; pending branches and bookmarks are dropped.</summary>
    public static ActivityResult FinishWorkflow { get; } = new WorkflowFinished();

    /// <summary>
    /// Fault the activity with a message (no exception involved). The retry policy applies unless
    /// <paramref name="retryable"/> is false: a failure that repeating cannot fix (an invalid phone number, a
    /// request the outside system rejected) faults the instance at once, for ops to look at. <paramref name="detail"/>
    /// is the technical message beneath a <paramref name="message"/> written for ops (the exception it explains).
    /// </summary>
    public static ActivityResult Fault(string message, bool retryable = true, string? detail = null) => new Faulted(message, retryable, detail);

    /// <summary>A composite scheduled children and completes when a child's completion says so.</summary>
    public static ActivityResult Running { get; } = new AwaitingChildren();

    /// <summary>End the nearest enclosing loop (For, ForEach, While; else a Fork), as <c>Elsa.Break</c> does.</summary>
    public static ActivityResult Break { get; } = new BreakRequested();

    /// <summary>
    /// Complete the nearest enclosing workflow (a workflow used as an activity, else the instance) through the
    /// given outcome ports, as <c>Elsa.Complete</c> does: whatever still runs or waits in it is dropped.
    /// </summary>
    public static ActivityResult CompleteWorkflow(params string[] outcomes) => new WorkflowCompletionRequested(outcomes);

    /// <summary>Completed through ports.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>Waiting on a bookmark.</summary>
    public sealed record Suspended(BookmarkRequest Bookmark) : ActivityResult;

    /// <summary>Waiting on the first of several bookmarks.</summary>
    public sealed record SuspendedUntilFirst(IReadOnlyList<BookmarkRequest> Bookmarks) : ActivityResult;

    /// <summary>Ends the workflow.</summary>
    public sealed record WorkflowFinished : ActivityResult;

    /// <summary>Running children.</summary>
    public sealed record AwaitingChildren : ActivityResult;

    /// <summary>Asks the nearest loop to end.</summary>
    public sealed record BreakRequested : ActivityResult;

    /// <summary>Asks the nearest workflow to complete through <paramref name="Outcomes"/>.</summary>
    public sealed record WorkflowCompletionRequested(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>Failed; <paramref name="Retryable"/> says whether the retry policy applies; <paramref name="Detail"/> is the technical message beneath <paramref name="Message"/>, if any.</summary>
    public sealed record Faulted(string Message, bool Retryable = true, string? Detail = null) : ActivityResult;
}

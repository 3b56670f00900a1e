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

    /// <summary>End the whole workflow now; pending branches and bookmarks are dropped.</summary>
    public static ActivityResult FinishWorkflow { get; } = new WorkflowFinished();

    /// <summary>Fault the activity with a message (no exception involved); the retry policy applies.</summary>
    public static ActivityResult Fault(string message) => new Faulted(message);

    /// <summary>Completed through ports.</summary>
    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;

    /// <summary>Waiting on a bookmark.</summary>
    public sealed record Suspended(BookmarkRequest Bookmark) : ActivityResult;

    /// <summary>Ends the workflow.</summary>
    public sealed record WorkflowFinished : ActivityResult;

    /// <summary>Failed.</summary>
    public sealed record Faulted(string Message) : ActivityResult;
}

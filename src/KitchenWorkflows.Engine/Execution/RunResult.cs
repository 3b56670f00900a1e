namespace KitchenWorkflows.Engine.Execution;

/// <summary>What one run of an instance produced.</summary>
public sealed record RunResult
{
    /// <summary>The instance state after the run.</summary>
    public required WorkflowInstanceState State { get; init; }

    /// <summary>The journal entries written during the run, in order.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>Bookmarks made during the run (the host schedules the due-time ones).</summary>
    public required IReadOnlyList<Bookmark> CreatedBookmarks { get; init; }

    /// <summary>Events the workflow published, for the host to deliver after saving.</summary>
    public required IReadOnlyList<PublishedEvent> PublishedEvents { get; init; }

    /// <summary>Child instances the workflow asked for, for the host to start after saving.</summary>
    public IReadOnlyList<ChildWorkflowStart> StartedChildren { get; init; } = [];
}

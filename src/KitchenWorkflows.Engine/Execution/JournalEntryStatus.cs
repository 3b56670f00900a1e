namespace KitchenWorkflows.Engine.Execution;

/// <summary>How one activity execution ended.</summary>
public enum JournalEntryStatus
{
    /// <summary>Completed with outcomes.</summary>
    Completed,

    /// <summary>Left a bookmark and waits.</summary>
    Suspended,

    /// <summary>Failed; a retry is scheduled.</summary>
    Retrying,

    /// <summary>Failed beyond its retry policy; the instance faulted.</summary>
    Faulted,

    /// <summary>Ended the whole workflow (<c>Elsa.Finish</c>).</summary>
    FinishedWorkflow,
}

namespace KitchenWorkflows.Engine.Execution;

/// <summary>One activity execution: what ran, when, how it ended, and what it wrote.</summary>
public sealed record JournalEntry
{
    /// <summary>The position in the instance's journal, from 1.</summary>
    public long Sequence { get; init; }

    /// <summary>The activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity type.</summary>
    public required string ActivityType { get; init; }

    /// <summary>The activity's display text.</summary>
    public string? ActivityName { get; init; }

    /// <summary>When the execution started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended, completed, suspended or failed.</summary>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>How it ended.</summary>
    public JournalEntryStatus Status { get; init; }

    /// <summary>The outcome ports it completed with.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>A line the activity wrote (<c>Elsa.WriteLine</c>), if any.</summary>
    public string? Message { get; init; }

    /// <summary>The error, when the execution failed.</summary>
    public string? Error { get; init; }
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>One journal entry of an instance.</summary>
public sealed class JournalRecord
{
    /// <summary>The instance.</summary>
    public required string InstanceId { get; set; }

    /// <summary>The position in the instance's journal.</summary>
    public long Sequence { get; set; }

    /// <summary>The activity id.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The activity type.</summary>
    public required string ActivityType { get; set; }

    /// <summary>The display name.</summary>
    public string? ActivityName { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>How it ended.</summary>
    public JournalEntryStatus Status { get; set; }

    /// <summary>The outcome ports, comma-separated JSON array text.</summary>
    public required string Outcomes { get; set; }

    /// <summary>The line the activity wrote.</summary>
    public string? Message { get; set; }

    /// <summary>The error.</summary>
    public string? Error { get; set; }
}

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>The index row of a bookmark, for finding instances by event name and correlation, or by due time.</summary>
public sealed class BookmarkRecord
{
    /// <summary>The bookmark id.</summary>
    public required string Id { get; set; }

    /// <summary>The instance that waits.</summary>
    public required string InstanceId { get; set; }

    /// <summary>The waiting activity.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The event name, or the activity type for due-time bookmarks.</summary>
    public required string Name { get; set; }

    /// <summary>The correlation an event must carry.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>When a due-time bookmark is due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>A fault of an instance, for listing faulted instances without reading snapshots.</summary>
public sealed class IncidentRecord
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; set; }

    /// <summary>The faulted activity.</summary>
    public required string ActivityId { get; set; }

    /// <summary>Its type.</summary>
    public required string ActivityType { get; set; }

    /// <summary>The error message.</summary>
    public required string Message { get; set; }

    /// <summary>The exception type.</summary>
    public string? ExceptionType { get; set; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; set; }
}

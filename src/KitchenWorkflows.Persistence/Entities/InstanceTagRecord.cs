namespace KitchenWorkflows.Persistence.Entities;

/// <summary>One tag of an instance, for finding instances by tag without reading snapshots.</summary>
public sealed class InstanceTagRecord
{
    /// <summary>The instance.</summary>
    public required string InstanceId { get; set; }

    /// <summary>The tag name.</summary>
    public required string Name { get; set; }

    /// <summary>The tag value.</summary>
    public required string Value { get; set; }

    /// <summary>
    /// When the instance was created (a copy of its <see cref="WorkflowInstanceRecord.CreatedAt"/>, which never changes):
    /// the list by tag reads a page, newest first, from the tag index alone instead of sorting every tagged instance.
    /// </summary>
    public DateTimeOffset CreatedAt { get; set; }
}

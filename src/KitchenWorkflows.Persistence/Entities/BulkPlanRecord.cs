using KitchenWorkflows.Persistence.Bulk;

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>A bulk plan: one operation on a set of instances fixed when it was submitted, run by a background job.</summary>
public sealed class BulkPlanRecord
{
    /// <summary>The plan's id.</summary>
    public required string Id { get; set; }

    /// <summary>What is done to each instance.</summary>
    public BulkOperation Operation { get; set; }

    /// <summary>An <see cref="BulkOperation.Alter"/> plan's alterations, as JSON (<see cref="PlannedAlterations"/>); null for the other operations.</summary>
    public string? Alterations { get; set; }

    /// <summary>Where the plan stands.</summary>
    public BulkPlanStatus Status { get; set; }

    /// <summary>How the instances were chosen (the filter or "ids"), as the request gave it: for people reading the plan.</summary>
    public required string Selection { get; set; }

    /// <summary>How many instances the plan covers.</summary>
    public int Total { get; set; }

    /// <summary>Who submitted it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>The node running it, while it runs.</summary>
    public string? Owner { get; set; }

    /// <summary>Until when <see cref="Owner"/> holds it; after that another node may take it over.</summary>
    public DateTimeOffset? OwnedUntil { get; set; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}

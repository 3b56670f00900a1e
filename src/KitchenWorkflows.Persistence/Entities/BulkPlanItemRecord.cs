using KitchenWorkflows.Persistence.Bulk;

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>One instance of a bulk plan, with the save it was planned against and what came of it.</summary>
public sealed class BulkPlanItemRecord
{
    /// <summary>The plan.</summary>
    public required string PlanId { get; set; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; set; }

    /// <summary>
    /// When the instance was last saved as the plan found it: the operation applies only to that save, so an
    /// instance that changed since (this plan's own retry before a restart included) is never acted on twice.
    /// </summary>
    public DateTimeOffset PlannedAgainst { get; set; }

    /// <summary>What came of it; null while pending.</summary>
    public BulkItemOutcome? Outcome { get; set; }

    /// <summary>Why it was skipped or failed.</summary>
    public string? Message { get; set; }
}

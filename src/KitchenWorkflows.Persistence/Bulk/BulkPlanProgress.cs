namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>A bulk plan and how far it got.</summary>
public sealed record BulkPlanProgress(
    string PlanId,
    BulkOperation Operation,
    BulkPlanStatus Status,
    string Selection,
    int Total,
    int Done,
    int Skipped,
    int Failed,
    int Pending,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<BulkItemProblem> Problems);

/// <summary>An instance of a plan that was skipped or failed, and why.</summary>
public sealed record BulkItemProblem(string InstanceId, BulkItemOutcome Outcome, string? Message);

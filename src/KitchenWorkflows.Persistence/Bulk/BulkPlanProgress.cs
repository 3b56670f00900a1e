using KitchenWorkflows.Engine.Alterations;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>A bulk plan and how far it got; an alteration plan with its alterations (none for the other operations).</summary>
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
    IReadOnlyList<BulkItemProblem> Problems,
    IReadOnlyList<Alteration> Alterations);

/// <summary>An instance of a plan that was skipped or failed, and why.</summary>
public sealed record BulkItemProblem(string InstanceId, BulkItemOutcome Outcome, string? Message);

namespace KitchenWorkflows.Studio.Api;

/// <summary>What a bulk operation acts on: instance ids picked by hand, or the instance list's filter.</summary>
public sealed record BulkTarget(IReadOnlyList<string>? InstanceIds, InstanceQuery? Filter);

/// <summary>A bulk plan's progress, as <c>GET /api/bulk-operations/{planId}</c> answers it.</summary>
public sealed record BulkPlanInfo(
    string PlanId,
    string Operation,
    string Status,
    int Total,
    int Done,
    int Skipped,
    int Failed,
    int Pending,
    IReadOnlyList<BulkProblemInfo> Problems)
{
    public bool IsFinished => Status == "Completed";
}

/// <summary>An instance a plan skipped or failed on, and why.</summary>
public sealed record BulkProblemInfo(string InstanceId, string Outcome, string? Message);

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>The selection covers more instances than one plan may.</summary>
public sealed class BulkPlanTooLargeException(int limit)
    : KitchenWorkflows.Engine.KitchenWorkflowsException($"The selection covers more than {limit} instances: narrow it (a definition, a status, a time) and submit several plans.")
{
    /// <summary>The most instances one plan may cover.</summary>
    public int Limit { get; } = limit;
}

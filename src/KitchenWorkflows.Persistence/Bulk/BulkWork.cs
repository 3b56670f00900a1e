using KitchenWorkflows.Engine.Alterations;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>What a running plan does to each of its instances, and on whose behalf.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Operation">The operation.</param>
/// <param name="CreatedBy">Who submitted the plan: the journal and the audit log name them for its changes.</param>
/// <param name="Alterations">An <see cref="BulkOperation.Alter"/> plan's alterations.</param>
public sealed record BulkWork(string PlanId, BulkOperation Operation, string CreatedBy, IReadOnlyList<Alteration> Alterations);

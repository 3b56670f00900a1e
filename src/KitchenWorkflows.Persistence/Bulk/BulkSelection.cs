using KitchenWorkflows.Persistence.Instances;

namespace KitchenWorkflows.Persistence.Bulk;

/// <summary>Which instances a bulk plan covers: a list of ids, or a filter (as the instance list takes it).</summary>
/// <param name="InstanceIds">The instances by id; ids that do not exist are left out.</param>
/// <param name="Filter">The instances a filter selects (its paging is ignored).</param>
/// <param name="Description">How the request chose them, kept with the plan for people reading it.</param>
public sealed record BulkSelection(IReadOnlyList<string>? InstanceIds, InstanceFilter? Filter, string Description);

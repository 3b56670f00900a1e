namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>One page of a service centre's dismantle tasks.</summary>
/// <param name="Items">The tasks of this page, newest first.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size.</param>
/// <param name="TotalCount">How many tasks match on all pages.</param>
public sealed record DismantleTaskPage(IReadOnlyList<DismantleTask> Items, int Page, int PageSize, int TotalCount);

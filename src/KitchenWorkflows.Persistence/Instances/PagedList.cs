namespace KitchenWorkflows.Persistence.Instances;

/// <summary>A page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size.</param>
/// <param name="TotalCount">The number of items on all pages; when <paramref name="TotalCountIsExact"/> is false, a bound that there are more than.</param>
/// <param name="TotalCountIsExact">False when counting stopped at a bound (the instance list counts at most <see cref="InstanceQueries.CountedBeyondPage"/> items past the page).</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, bool TotalCountIsExact = true);

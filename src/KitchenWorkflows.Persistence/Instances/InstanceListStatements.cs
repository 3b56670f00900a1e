using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>
/// The statements of the instance list for a filter, each a range of an index that holds the matches in the list's
/// order (CreatedAt descending, then id), so that a page costs the same at any store size: the keys come from an
/// instance index, or with a tag from the tag index, which carries the instance's creation time; only the page's rows
/// are read from the table. Their plans are checked by tests and printed by the benchmark.
/// </summary>
internal sealed class InstanceListStatements
{
    public InstanceListStatements(WorkflowDbContext db, InstanceFilter filter)
    {
        Keys = KeysOf(db, filter);
        var pageIds = Keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id)
            .Skip(PageOffset.Of(filter.Page, filter.PageSize)).Take(filter.PageSize).Select(k => k.Id);
        Rows = db.Instances.AsNoTracking().Where(i => pageIds.Contains(i.Id)).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
    }

    /// <summary>The creation time and id of every match.</summary>
    public IQueryable<ListKey> Keys { get; }

    /// <summary>The page's rows: skipping to page 1,000 walks 50,000 index entries, not 50,000 rows.</summary>
    public IQueryable<WorkflowInstanceRecord> Rows { get; }

    /// <summary>
    /// The matches after a line of the list, one more than <see cref="InstanceQueries.CountedBeyondPage"/> at most: a
    /// range that starts at that line (the creation time bounds the index range, the id settles ties).
    /// </summary>
    public IQueryable<ListKey> CountedAfter(DateTimeOffset createdAt, string id) =>
        Keys.Where(k => k.CreatedAt <= createdAt && (k.CreatedAt < createdAt || string.Compare(k.Id, id) > 0))
            .Take(InstanceQueries.CountedBeyondPage + 1);

    // Tags further filter a tag's keys, and so do the instance's columns when the filter names any.
    private static IQueryable<ListKey> KeysOf(WorkflowDbContext db, InstanceFilter filter)
    {
        if (filter.Tags.Count == 0)
        {
            return InstanceQueries.Filter(db, filter).Select(i => new ListKey { Id = i.Id, CreatedAt = i.CreatedAt });
        }

        var (firstName, firstValue) = filter.Tags[0];
        var tagged = db.InstanceTags.AsNoTracking().Where(t => t.Name == firstName && t.Value == firstValue);
        foreach (var (name, value) in filter.Tags.Skip(1))
        {
            tagged = tagged.Where(t => db.InstanceTags.Any(o => o.InstanceId == t.InstanceId && o.Name == name && o.Value == value));
        }

        if (filter.FiltersInstanceColumns)
        {
            var instances = InstanceQueries.Filter(db, filter with { Tags = [] });
            tagged = tagged.Where(t => instances.Any(i => i.Id == t.InstanceId));
        }

        return tagged.Select(t => new ListKey { Id = t.InstanceId, CreatedAt = t.CreatedAt });
    }

    /// <summary>Where an instance stands in the list.</summary>
    internal sealed class ListKey
    {
        public required string Id { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}

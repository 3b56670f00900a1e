using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Strategies;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>Reads instances, their snapshots and journals for the API and the Studio.</summary>
public sealed class InstanceQueries(IDbContextFactory<WorkflowDbContext> contexts)
{
    /// <summary>
    /// How many matches past a page's end the list counts: an exact count of a million matches reads a million index
    /// entries (~200 ms), while this bound costs at most as much again as skipping to the page does.
    /// </summary>
    public const int CountedBeyondPage = 10_000;

    /// <summary>
    /// Instances matching a filter, newest first. The count is exact up to <see cref="CountedBeyondPage"/> matches past
    /// the page's end; past that the list says it has more (<see cref="PagedList{T}.TotalCountIsExact"/> false).
    /// </summary>
    public async Task<PagedList<InstanceListItem>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var (counted, page, countLimit) = ListStatements(db, filter);
        var count = await counted.CountAsync(cancellationToken);
        var items = await page
            .Select(i => new InstanceListItem(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.SubStatus, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.ParentId))
            .ToListAsync(cancellationToken);
        return new PagedList<InstanceListItem>(items, filter.Page, filter.PageSize, Math.Min(count, countLimit), count <= countLimit);
    }

    /// <summary>
    /// The list's statements, not yet run (their plans are checked by tests and printed by the benchmark): the keys the
    /// count reads (one more than the limit, to know whether there are more), and the page's rows.
    /// </summary>
    internal static (IQueryable<ListKey> Counted, IQueryable<WorkflowInstanceRecord> Page, int CountLimit) ListStatements(WorkflowDbContext db, InstanceFilter filter)
    {
        var keys = ListKeys(db, filter);
        var countLimit = (int)Math.Min((long)PageOffset.Of(filter.Page, filter.PageSize) + filter.PageSize + CountedBeyondPage, int.MaxValue - 1);
        return (keys.Take(countLimit + 1), PageRows(db, keys, filter), countLimit);
    }

    /// <summary>The snapshots of the instances matching a filter, newest first, for views built from instance data.</summary>
    public async Task<PagedList<WorkflowInstanceState>> ListStatesAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var keys = ListKeys(db, filter);
        var total = await keys.CountAsync(cancellationToken);
        var snapshots = await PageRows(db, keys, filter).Select(i => i.Snapshot).ToListAsync(cancellationToken);
        return new PagedList<WorkflowInstanceState>([.. snapshots.Select(s => WorkflowStateSerializer.Deserialize(s))], filter.Page, filter.PageSize, total);
    }

    /// <summary>Whether a running instance matches (of its definition, with its correlation id, each when given): an activation strategy's question.</summary>
    public async Task<bool> AnyRunningAsync(RunningInstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        return await Filter(db, new InstanceFilter { DefinitionId = filter.DefinitionId, CorrelationId = filter.CorrelationId, Status = WorkflowStatus.Running })
            .AnyAsync(cancellationToken);
    }

    /// <summary>The snapshot of an instance, or null.</summary>
    public async Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var snapshot = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Snapshot).FirstOrDefaultAsync(cancellationToken);
        return snapshot is null ? null : WorkflowStateSerializer.Deserialize(snapshot);
    }

    /// <summary>The journal of an instance in order, or null when there is no such instance.</summary>
    public async Task<IReadOnlyList<JournalEntry>?> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (!await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken))
        {
            return null;
        }

        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        return [.. rows.Select(j => new JournalEntry
        {
            Sequence = j.Sequence,
            ActivityId = j.ActivityId,
            ActivityType = j.ActivityType,
            ActivityName = j.ActivityName,
            StartedAt = j.StartedAt,
            CompletedAt = j.CompletedAt,
            Status = j.Status,
            Outcomes = JsonSerializer.Deserialize<List<string>>(j.Outcomes) ?? [],
            Message = j.Message,
            Error = j.Error,
        })];
    }

    // The rows of the page: its ids are read from an index in the list's order (ListKeys), and only those rows are
    // read from the table. Skipping to page 1,000 then walks 50,000 index entries, not 50,000 rows.
    private static IQueryable<WorkflowInstanceRecord> PageRows(WorkflowDbContext db, IQueryable<ListKey> keys, InstanceFilter filter)
    {
        var pageIds = keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id)
            .Skip(PageOffset.Of(filter.Page, filter.PageSize)).Take(filter.PageSize).Select(k => k.Id);
        return db.Instances.AsNoTracking().Where(i => pageIds.Contains(i.Id)).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
    }

    // The creation time and id of every match, from the index that orders them: an instance index, or with a tag the
    // tag index, which carries the instance's creation time so that a tag's page needs no join (tags further filter
    // it, and so do the instance's columns when the filter names any).
    private static IQueryable<ListKey> ListKeys(WorkflowDbContext db, InstanceFilter filter)
    {
        if (filter.Tags.Count == 0)
        {
            return Filter(db, filter).Select(i => new ListKey { Id = i.Id, CreatedAt = i.CreatedAt });
        }

        var (firstName, firstValue) = filter.Tags[0];
        var tagged = db.InstanceTags.AsNoTracking().Where(t => t.Name == firstName && t.Value == firstValue);
        foreach (var (name, value) in filter.Tags.Skip(1))
        {
            tagged = tagged.Where(t => db.InstanceTags.Any(o => o.InstanceId == t.InstanceId && o.Name == name && o.Value == value));
        }

        if (filter.FiltersInstanceColumns)
        {
            var instances = Filter(db, filter with { Tags = [] });
            tagged = tagged.Where(t => instances.Any(i => i.Id == t.InstanceId));
        }

        return tagged.Select(t => new ListKey { Id = t.InstanceId, CreatedAt = t.CreatedAt });
    }

    internal static IQueryable<WorkflowInstanceRecord> Filter(WorkflowDbContext db, InstanceFilter filter)
    {
        var query = db.Instances.AsNoTracking();
        if (filter.DefinitionId is not null)
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.SubStatus is { } subStatus)
        {
            query = query.Where(i => i.SubStatus == subStatus);
        }

        if (filter.CorrelationId is not null)
        {
            query = query.Where(i => i.CorrelationId == filter.CorrelationId);
        }

        if (filter.ParentId is not null)
        {
            query = query.Where(i => i.ParentId == filter.ParentId);
        }

        foreach (var (name, value) in filter.Tags)
        {
            query = query.Where(i => db.InstanceTags.Any(t => t.InstanceId == i.Id && t.Name == name && t.Value == value));
        }

        return query;
    }

    /// <summary>Where an instance stands in the list.</summary>
    internal sealed class ListKey
    {
        public required string Id { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }
}

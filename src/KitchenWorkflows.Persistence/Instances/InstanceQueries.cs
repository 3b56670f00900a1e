using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Strategies;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Instances;

/// <summary>Reads instances, their snapshots and journals for the API and the Studio.</summary>
public sealed class InstanceQueries(IDbContextFactory<WorkflowDbContext> contexts)
{
    /// <summary>How many matches past a page's end the list counts exactly (<see cref="InstanceListStatements"/>).</summary>
    public const int CountedBeyondPage = 10_000;

    /// <summary>
    /// Instances matching a filter, newest first. The count is exact up to <see cref="CountedBeyondPage"/> matches past
    /// the page's end; past that the list says it has more (<see cref="PagedList{T}.TotalCountIsExact"/> false).
    /// </summary>
    public async Task<PagedList<InstanceListItem>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var list = new InstanceListStatements(db, filter);
        var items = await list.Rows
            .Select(i => new InstanceListItem(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.SubStatus, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.ParentId))
            .ToListAsync(cancellationToken);
        var offset = PageOffset.Of(filter.Page, filter.PageSize);
        if (items.Count == filter.PageSize)
        {
            // A full page: count on from its last line, a range of the same index, instead of from the first match.
            var after = await list.CountedAfter(items[^1].CreatedAt, items[^1].WorkflowInstanceId).CountAsync(cancellationToken);
            var total = (int)Math.Min((long)offset + items.Count + Math.Min(after, CountedBeyondPage), int.MaxValue);
            return new PagedList<InstanceListItem>(items, filter.Page, filter.PageSize, total, after <= CountedBeyondPage);
        }

        // The last page has them all before it; a page past the end has fewer than its offset.
        var count = items.Count > 0 || offset == 0 ? offset + items.Count : await list.Keys.Take(offset).CountAsync(cancellationToken);
        return new PagedList<InstanceListItem>(items, filter.Page, filter.PageSize, count);
    }

    /// <summary>The snapshots of the instances matching a filter, newest first, for views built from instance data.</summary>
    public async Task<PagedList<WorkflowInstanceState>> ListStatesAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var list = new InstanceListStatements(db, filter);
        var total = await list.Keys.CountAsync(cancellationToken);
        var snapshots = await list.Rows.Select(i => i.Snapshot).ToListAsync(cancellationToken);
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
}

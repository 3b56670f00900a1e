using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Audit;

/// <summary>
/// The audit log: who changed a definition, acted on an instance by hand, or changed a key or an account.
/// A change made in a store transaction adds its row in that transaction (<see cref="Add"/>), so the row and the
/// change commit together.
/// </summary>
public sealed class AuditLog(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider clock)
{
    private const int MaxDetailsLength = 4000;

    /// <summary>Adds a row to a context whose changes are about to be saved.</summary>
    public static void Add(WorkflowDbContext db, DateTimeOffset at, AuditActor actor, string action, string entityType, string entityId, int? version = null, string? details = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditLog.Add(new AuditRecord
        {
            At = at,
            Actor = actor.Name,
            ActorKind = actor.Kind,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Version = version,
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
        });
    }

    /// <summary>Writes a row on its own.</summary>
    public async Task RecordAsync(AuditActor actor, string action, string entityType, string entityId, int? version = null, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        Add(db, clock.GetUtcNow(), actor, action, entityType, entityId, version, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A page of rows, newest first.</summary>
    public async Task<PagedList<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = contexts.CreateDbContext();
        var query = db.AuditLog.AsNoTracking();
        if (filter.Actor is not null)
        {
            query = query.Where(a => a.Actor == filter.Actor);
        }

        if (filter.Action is not null)
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (filter.EntityType is not null)
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.EntityId is not null)
        {
            query = query.Where(a => a.EntityId == filter.EntityId);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip(PageOffset.Of(filter.Page, filter.PageSize)).Take(filter.PageSize)
            .Select(a => new AuditEntry(a.Id, a.At, a.Actor, a.ActorKind, a.Action, a.EntityType, a.EntityId, a.Version, a.Details))
            .ToListAsync(cancellationToken);
        return new PagedList<AuditEntry>(rows, filter.Page, filter.PageSize, total);
    }
}

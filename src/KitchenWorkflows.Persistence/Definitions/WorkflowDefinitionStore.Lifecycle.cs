using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>Queries by Elsa's version options and version ids, and the two ends of a definition's life: retract and delete.</summary>
public sealed partial class WorkflowDefinitionStore
{
    /// <summary>A filtered, ordered page of versions.</summary>
    public async Task<StoredDefinitionVersionPage> FindVersionsAsync(DefinitionVersionQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.Definitions.AsNoTracking();
        if (query.Versions is { } versions)
        {
            rows = versions.Apply(rows);
        }

        if (!string.IsNullOrWhiteSpace(query.SearchTerm))
        {
            var term = query.SearchTerm.Trim().ToLowerInvariant();
            rows = rows.Where(d => d.Name.ToLower().Contains(term) || d.DefinitionId.ToLower().Contains(term));
        }

        if (query.DefinitionIds is { Count: > 0 } definitionIds)
        {
            rows = rows.Where(d => definitionIds.Contains(d.DefinitionId));
        }

        if (query.Ids is { Count: > 0 } ids)
        {
            rows = rows.Where(d => ids.Contains(d.Id));
        }

        var total = await rows.CountAsync(cancellationToken);
        rows = (query.OrderBy, query.Descending) switch
        {
            (DefinitionVersionOrder.Created, false) => rows.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
            (DefinitionVersionOrder.Created, true) => rows.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id),
            (DefinitionVersionOrder.Version, false) => rows.OrderBy(d => d.Version).ThenBy(d => d.Id),
            (DefinitionVersionOrder.Version, true) => rows.OrderByDescending(d => d.Version).ThenBy(d => d.Id),
            (_, false) => rows.OrderBy(d => d.Name).ThenBy(d => d.Version),
            (_, true) => rows.OrderByDescending(d => d.Name).ThenByDescending(d => d.Version),
        };
        rows = rows.Skip(query.Skip);
        if (query.Take is { } take)
        {
            rows = rows.Take(take);
        }

        var page = await rows.ToListAsync(cancellationToken);
        return new StoredDefinitionVersionPage([.. page.Select(ToStored)], total);
    }

    /// <summary>One version of a definition, chosen by <paramref name="selector"/> (the newest of several); null when there is none.</summary>
    public async Task<StoredDefinitionVersion?> FindAsync(string definitionId, VersionSelector selector, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await selector.Apply(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId))
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>The version with this version id; null when there is none.</summary>
    public async Task<StoredDefinitionVersion?> FindByVersionIdAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>
    /// Retracts the published version: no version is published afterwards, so nothing new starts (its triggers and
    /// schedules go with it) while running instances carry on with the version they run.
    /// </summary>
    /// <exception cref="WorkflowRuntimeException">No such definition (NotFound), or no version is published (Conflict).</exception>
    public async Task<StoredDefinitionVersion> RetractAsync(string definitionId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.NotFound, $"No workflow '{definitionId}'.");
        }

        var published = versions.FirstOrDefault(v => v.IsPublished)
            ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Workflow '{definitionId}' has no published version.");
        published.IsPublished = false;
        published.Json = Rewrite(published.Json, published: false);
        published.UpdatedAt = clock.GetUtcNow();
        await db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        AuditLog.Add(db, published.UpdatedAt, actor, AuditActions.DefinitionRetract, AuditActions.Definition, definitionId, published.Version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await triggers.DeactivateAsync(definitionId, published.Version, cancellationToken);
        return ToStored(published);
    }

    /// <summary>
    /// Deletes a definition with all its versions. Refused while an instance of it still runs: the engine reads the
    /// definition of the version an instance runs whenever the instance goes on.
    /// </summary>
    /// <returns>False when there is no such definition.</returns>
    /// <exception cref="WorkflowRuntimeException">An instance of the definition is still running (Conflict).</exception>
    public async Task<bool> DeleteAsync(string definitionId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return false;
        }

        if (await db.Instances.AnyAsync(i => i.DefinitionId == definitionId && i.Status == WorkflowStatus.Running, cancellationToken))
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Workflow '{definitionId}' has running instances; cancel them first.");
        }

        var published = versions.FirstOrDefault(v => v.IsPublished);
        db.Definitions.RemoveRange(versions);
        await db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        AuditLog.Add(db, clock.GetUtcNow(), actor, AuditActions.DefinitionDelete, AuditActions.Definition, definitionId, versions.Max(v => v.Version));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (published is not null)
        {
            await triggers.DeactivateAsync(definitionId, published.Version, cancellationToken);
        }

        return true;
    }

    private static StoredDefinitionVersion ToStored(WorkflowDefinitionRecord record) => new(ToDefinition(record), record.CreatedAt);
}

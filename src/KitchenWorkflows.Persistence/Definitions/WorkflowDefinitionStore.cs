using System.Security.Cryptography;
using System.Text;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Engine.Testing;
using KitchenWorkflows.Engine.Validation;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Retention;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// Definition versions: drafts, publishing (one published version per definition), the trigger index of
/// the published version, and the start-up import of the shipped <c>workflows/</c> files.
/// </summary>
public sealed partial class WorkflowDefinitionStore(
    IDbContextFactory<WorkflowDbContext> contexts,
    WorkflowValidator validator,
    DefinitionLimitsValidator limits,
    CompiledWorkflowCache workflows,
    ChildWorkflowReferences references,
    PublishedTriggers triggers,
    TestCaseRunner testCases,
    TimeProvider clock)
{
    /// <summary>Every definition with its latest and published version.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Name, d.Version, d.IsLatest, d.IsPublished, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.DefinitionId).Select(g =>
        {
            var latest = g.MaxBy(r => r.Version)!;
            var published = g.FirstOrDefault(r => r.IsPublished);
            return new WorkflowDefinitionSummary(g.Key, latest.Name, latest.Version, published?.Version, published is not null, !latest.IsPublished, g.Max(r => r.UpdatedAt));
        }).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The versions a definition has, newest first; empty when there is no such definition.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .Select(d => new WorkflowDefinitionVersion(d.Version, d.IsLatest, d.IsPublished, d.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A version: <c>latest</c> (default), <c>published</c> or a number. Null when there is no such version.
    /// </summary>
    /// <exception cref="ArgumentException">The version selector is not latest, published or a positive number.</exception>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, string? version, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        query = (version ?? "latest").ToLowerInvariant() switch
        {
            "latest" => query.Where(d => d.IsLatest),
            "published" => query.Where(d => d.IsPublished),
            var number when int.TryParse(number, out var n) && n > 0 => query.Where(d => d.Version == n),
            _ => throw new ArgumentException("The version must be 'latest', 'published' or a version number.", nameof(version)),
        };
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToDefinition(record);
    }

    /// <summary>
    /// Saves a definition as a draft: it replaces the latest version when that is an unpublished draft,
    /// and otherwise becomes a new version. A missing <c>definitionId</c> makes a new definition.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <param name="actor">Who saves it, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WorkflowDefinitionException">The definition does not validate; every problem is listed.</exception>
    public async Task<WorkflowDefinition> SaveDraftAsync(WorkflowDefinition definition, AuditActor actor, CancellationToken cancellationToken = default) =>
        await SaveAsync(definition, source: "api", sourceHash: null, publish: false, actor, AuditActions.DefinitionSave, cancellationToken);

    /// <summary>Publishes the latest version; new instances run it from now on, on every node.</summary>
    /// <param name="definitionId">The definition.</param>
    /// <param name="actor">Who publishes it, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="WorkflowRuntimeException">No such definition (NotFound), or the latest version is already published (Conflict).</exception>
    /// <exception cref="WorkflowDefinitionException">The draft exceeds the definition limits (lowered since it was saved).</exception>
    /// <exception cref="TestCasesFailedException">Some of the draft's test cases failed.</exception>
    public async Task<WorkflowDefinition> PublishAsync(string definitionId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var tested = await ThrowIfTestCasesFailAsync(definitionId, cancellationToken);
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var latest = versions.MaxBy(d => d.Version)
            ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.NotFound, $"No workflow '{definitionId}'.");
        if (latest.IsPublished)
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Version {latest.Version} of '{definitionId}' is already published; save a new draft first.");
        }

        if (tested is not null && tested != latest.Json)
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"The draft of '{definitionId}' changed while its test cases ran; publish again to test the new draft.");
        }

        var draft = WorkflowDefinitionSerializer.Deserialize(latest.Json);
        ThrowIfOverLimits(draft);
        await ThrowIfReferencesFailAsync(draft, checkCycles: true, [], cancellationToken);

        await PublishVersionAsync(db, versions, latest, cancellationToken);
        AuditLog.Add(db, clock.GetUtcNow(), actor, AuditActions.DefinitionPublish, AuditActions.Definition, definitionId, latest.Version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await triggers.ActivateAsync(definitionId, latest.Version, cancellationToken);
        return ToDefinition(latest);
    }

    /// <summary>
    /// Imports the shipped definitions: a file is saved and published when the store has no version of
    /// it at the file's version or newer, so a version ops changed in the store is never overwritten.
    /// Workflows used by others are imported first (<see cref="ShippedWorkflowOrder"/>).
    /// The audit log records each import as done by <see cref="AuditActor.System"/>.
    /// </summary>
    /// <returns>The definition ids imported.</returns>
    /// <exception cref="WorkflowDefinitionException">A shipped file does not read or validate.</exception>
    public async Task<IReadOnlyList<string>> ImportFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var imported = new List<string>();
        if (!Directory.Exists(folder))
        {
            return imported;
        }

        var shipped = new List<(string File, WorkflowDefinition Definition)>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            texts[file] = await File.ReadAllTextAsync(file, cancellationToken);
            shipped.Add((file, WorkflowDefinitionSerializer.Deserialize(texts[file])));
        }

        foreach (var (file, definition) in ShippedWorkflowOrder.Sort(shipped))
        {
            var text = texts[file];
            await using (var db = contexts.CreateDbContext())
            {
                var newest = await db.Definitions.Where(d => d.DefinitionId == definition.DefinitionId).MaxAsync(d => (int?)d.Version, cancellationToken);
                if (newest >= definition.Version)
                {
                    continue;
                }
            }

            await SaveAsync(definition, "file:" + Path.GetFileName(file), Hash(text), publish: true, AuditActor.System, AuditActions.DefinitionImport, cancellationToken, keepVersion: true);
            imported.Add(definition.DefinitionId);
        }

        return imported;
    }

    private async Task<WorkflowDefinition> SaveAsync(
        WorkflowDefinition definition, string source, string? sourceHash, bool publish, AuditActor actor, string auditAction, CancellationToken cancellationToken, bool keepVersion = false)
    {
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
        {
            definition.DefinitionId = Guid.CreateVersion7().ToString("N");
        }
        else if (!PathIds.IsValid(definition.DefinitionId))
        {
            // Checked before anything is stored: an id that is no URL path segment could never be read or published again.
            throw new WorkflowDefinitionException([new("$.definitionId", $"The definition id must be {PathIds.Rule}.")]);
        }

        // The limits first: an oversized definition is refused before its scripts are parsed.
        ThrowIfOverLimits(definition);
        await ThrowIfReferencesFailAsync(definition, checkCycles: publish, [.. validator.Validate(definition), .. RetentionPeriod.Problems(definition)], cancellationToken);

        var now = clock.GetUtcNow();
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definition.DefinitionId).ToListAsync(cancellationToken);
        var latest = versions.MaxBy(d => d.Version);
        WorkflowDefinitionRecord record;
        if (latest is { IsPublished: false } && !keepVersion)
        {
            record = latest;
        }
        else
        {
            var version = keepVersion ? Math.Max(definition.Version, (latest?.Version ?? 0) + 1) : (latest?.Version ?? 0) + 1;
            if (latest is not null)
            {
                latest.IsLatest = false;
            }

            record = new WorkflowDefinitionRecord
            {
                Id = Guid.CreateVersion7().ToString("N"),
                DefinitionId = definition.DefinitionId,
                Version = version,
                Name = "",
                Json = "",
                Source = source,
                CreatedAt = now,
            };
            db.Definitions.Add(record);
            versions.Add(record);
        }

        definition.Id = record.Id;
        definition.Version = record.Version;
        definition.IsLatest = true;
        definition.IsPublished = false;
        record.Name = definition.Name;
        record.ActivityTypeName = UsableAsActivity.TypeNameOf(definition);
        record.IsLatest = true;
        record.Source = source;
        record.SourceHash = sourceHash;
        record.UpdatedAt = now;
        record.Json = WorkflowDefinitionSerializer.Serialize(definition);
        if (publish)
        {
            await PublishVersionAsync(db, versions, record, cancellationToken);
        }

        AuditLog.Add(db, now, actor, auditAction, AuditActions.Definition, definition.DefinitionId, record.Version, source);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (publish)
        {
            await triggers.ActivateAsync(definition.DefinitionId, record.Version, cancellationToken);
        }

        return ToDefinition(record);
    }

    // Before the publish's transaction, since running the test cases can take a while and SQLite would hold its write
    // lock for as long: the JSON tested is answered, for the transaction to check that it still publishes that draft.
    // Null when there is no draft to publish, which the transaction reports.
    private async Task<string?> ThrowIfTestCasesFailAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var latest = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.IsPublished, d.Json }).FirstOrDefaultAsync(cancellationToken);
        if (latest is not { IsPublished: false })
        {
            return null;
        }

        var results = await testCases.RunAsync(WorkflowDefinitionSerializer.Deserialize(latest.Json), cancellationToken);
        if (results.Where(r => !r.Passed).ToList() is { Count: > 0 } failures)
        {
            throw new TestCasesFailedException(definitionId, latest.Version, failures);
        }

        return latest.Json;
    }

    // The engine's problems and those of the workflows the definition uses, reported together.
    private async Task ThrowIfReferencesFailAsync(WorkflowDefinition definition, bool checkCycles, IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        var all = errors.Concat(await references.ValidateAsync(definition, checkCycles, errors, cancellationToken)).ToList();
        if (all.Count > 0)
        {
            throw new WorkflowDefinitionException(all);
        }
    }

    private void ThrowIfOverLimits(WorkflowDefinition definition)
    {
        var errors = limits.Validate(definition);
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }
    }

    private async Task PublishVersionAsync(WorkflowDbContext db, List<WorkflowDefinitionRecord> versions, WorkflowDefinitionRecord target, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var version in versions.Where(v => v.IsPublished && v != target))
        {
            version.IsPublished = false;
            version.Json = Rewrite(version.Json, published: false);
            version.UpdatedAt = now;
        }

        target.IsPublished = true;
        target.Json = Rewrite(target.Json, published: true);
        target.UpdatedAt = now;

        // The trigger index follows the published version, in the publish's transaction: a delivery finds event
        // triggers by name in it, from the moment the publish commits, on every node.
        await db.Triggers.Where(t => t.DefinitionId == target.DefinitionId).ExecuteDeleteAsync(cancellationToken);
        var compiled = workflows.Compile(WorkflowDefinitionSerializer.Deserialize(target.Json));
        db.Triggers.AddRange(compiled.Triggers.Select(t => new TriggerRecord
        {
            DefinitionId = target.DefinitionId,
            Version = target.Version,
            ActivityId = t.ActivityId,
            ActivityType = t.ActivityType,
            EventName = t.ListensFor.EventName,
        }));
    }

    private static string Rewrite(string json, bool published)
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(json);
        definition.IsPublished = published;
        return WorkflowDefinitionSerializer.Serialize(definition);
    }

    private static WorkflowDefinition ToDefinition(WorkflowDefinitionRecord record)
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(record.Json);
        definition.Id = record.Id;
        definition.Version = record.Version;
        definition.IsLatest = record.IsLatest;
        definition.IsPublished = record.IsPublished;
        return definition;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

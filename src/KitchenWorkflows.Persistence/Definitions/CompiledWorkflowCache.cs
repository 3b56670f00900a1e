using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Store;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// Compiled definition versions, by (definition id, version). A version never changes once published,
/// so it is compiled once per process; which version is published is read from the store on every start,
/// so a publish on any node takes effect everywhere at once.
/// </summary>
public sealed class CompiledWorkflowCache(IDbContextFactory<WorkflowDbContext> contexts, RuntimeStore store, WorkflowCompiler compiler)
{
    private readonly ConcurrentDictionary<(string DefinitionId, int Version), CompiledWorkflow> _compiled = new();

    /// <summary>The published version of a definition, or null when none is published.</summary>
    public async Task<CompiledWorkflow?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var version = await store.FindPublishedVersionAsync(definitionId, cancellationToken);
        return version is null ? null : await GetAsync(definitionId, version.Value, cancellationToken);
    }

    /// <summary>Compiles a definition that is not stored yet (to index its triggers before it is committed).</summary>
    /// <exception cref="Engine.Validation.WorkflowDefinitionException">The definition does not validate.</exception>
    public CompiledWorkflow Compile(WorkflowDefinition definition) => compiler.Compile(definition);

    /// <summary>A given version (the one an instance runs).</summary>
    /// <exception cref="KeyNotFoundException">The version is not in the store.</exception>
    public async Task<CompiledWorkflow> GetAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (_compiled.TryGetValue((definitionId, version), out var compiled))
        {
            return compiled;
        }

        await using var db = contexts.CreateDbContext();
        var json = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Version == version)
            .Select(d => d.Json)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"Workflow '{definitionId}' has no version {version}.");
        return _compiled.GetOrAdd((definitionId, version), compiler.Compile(WorkflowDefinitionSerializer.Deserialize(json)));
    }
}

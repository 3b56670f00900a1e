using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Store;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// Compiled definition versions, by (definition id, version). A version never changes once published,
/// so it is compiled once per process. Which version is published is the store's <see cref="PublishedVersions"/>.
/// </summary>
public sealed class CompiledWorkflowCache(IDbContextFactory<WorkflowDbContext> contexts, PublishedVersions published, WorkflowCompiler compiler)
{
    private readonly ConcurrentDictionary<(string DefinitionId, int Version), CompiledWorkflow> _compiled = new();

    /// <summary>The published version of a definition, or null when none is published (asked of the store each time where nodes share it).</summary>
    public async Task<CompiledWorkflow?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await GetVersionOrNullAsync(definitionId, await published.FindCurrentAsync(definitionId, cancellationToken), cancellationToken);

    /// <summary>
    /// The published version as this node last saw it: asked of the store once, and again after
    /// <see cref="PublishedChanged"/>. Where nodes share the store another node may have published since, so a start
    /// inserts its instance only while the version is still published and, refused, calls PublishedChanged and asks again.
    /// </summary>
    public async Task<CompiledWorkflow?> GetLastSeenPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        await GetVersionOrNullAsync(definitionId, await published.FindLastSeenAsync(definitionId, cancellationToken), cancellationToken);

    /// <summary>Forgets which version of <paramref name="definitionId"/> is published; called once a publish is committed.</summary>
    public void PublishedChanged(string definitionId) => published.Forget(definitionId);

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

    private async Task<CompiledWorkflow?> GetVersionOrNullAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        version is null ? null : await GetAsync(definitionId, version.Value, cancellationToken);
}

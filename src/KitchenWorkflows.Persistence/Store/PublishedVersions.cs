using System.Collections.Concurrent;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Which version of a definition is published, as this node knows it. Remembered until this process publishes again:
/// the single owner of a SQLite file publishes everything itself; where several nodes share the store, a start checks
/// the version it remembered in its insert (<see cref="NewInstance.PublishedVersion"/>), so a publish on any node still
/// takes effect everywhere at once, and <see cref="FindCurrentAsync"/> asks the store each time.
/// </summary>
public sealed class PublishedVersions
{
    private static readonly StoreSql Published = new("""
        SELECT "Version" FROM "WorkflowDefinitions" WHERE "DefinitionId" = @definition AND "IsPublished" = @published
        """);

    private readonly StoreConnections _connections;
    private readonly ConcurrentDictionary<string, int?> _published = new(StringComparer.Ordinal);
    private int _publishes;

    internal PublishedVersions(StoreConnections connections) => _connections = connections;

    /// <summary>The published version now, or null when none is published.</summary>
    public Task<int?> FindCurrentAsync(string definitionId, CancellationToken cancellationToken) =>
        FindAsync(definitionId, remember: !_connections.IsShared, cancellationToken);

    /// <summary>The published version as this node last saw it: asked of the store once, and again after <see cref="Forget"/>.</summary>
    public Task<int?> FindLastSeenAsync(string definitionId, CancellationToken cancellationToken) =>
        FindAsync(definitionId, remember: true, cancellationToken);

    /// <summary>Forgets which version of <paramref name="definitionId"/> is published; called once a publish is committed.</summary>
    public void Forget(string definitionId)
    {
        Interlocked.Increment(ref _publishes);
        _published.TryRemove(definitionId, out _);
    }

    private async Task<int?> FindAsync(string definitionId, bool remember, CancellationToken cancellationToken)
    {
        if (remember && _published.TryGetValue(definitionId, out var known))
        {
            return known;
        }

        // A publish committed while the store was read may have made the answer stale: then it is not remembered.
        // Nor is "none published" where nodes share the store: no insert would find out that another node published.
        var publishes = Volatile.Read(ref _publishes);
        var version = await ReadAsync(definitionId, cancellationToken);
        if (remember && Volatile.Read(ref _publishes) == publishes && (version is not null || !_connections.IsShared))
        {
            _published[definitionId] = version;
        }

        return version;
    }

    private Task<int?> ReadAsync(string definitionId, CancellationToken cancellationToken) =>
        _connections.OnConnectionAsync(async connection =>
        {
            await using var command = connection.Command().Append(Published)
                .Bind<WorkflowDefinitionRecord>("definition", nameof(WorkflowDefinitionRecord.DefinitionId), definitionId)
                .Bind<WorkflowDefinitionRecord>("published", nameof(WorkflowDefinitionRecord.IsPublished), true);
            return await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull
                ? Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture)
                : (int?)null;
        }, cancellationToken);
}

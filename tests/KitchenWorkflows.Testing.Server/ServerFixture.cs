using KitchenWorkflows.Persistence;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// One server per test class and provider. The server starts on first use, so a class whose tests are
/// all skipped (PostgreSQL without a cluster) never touches the store.
/// </summary>
public abstract class ServerFixture : IDisposable
{
    private readonly Lazy<ServerFactory> _factory;

    protected ServerFixture(StorageProvider provider) => _factory = new(() => CreateFactory(provider));

    public ServerFactory Factory => _factory.Value;

    /// <summary>A client that calls as the server's admin key.</summary>
    public virtual HttpClient CreateClient() => Factory.CreateAdminClient();

    /// <summary>Creates the server on first use; a fixture whose server needs settings (outside systems' addresses) overrides it.</summary>
    protected virtual ServerFactory CreateFactory(StorageProvider provider) => new(provider);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}

/// <summary>A server on a fresh SQLite folder.</summary>
public sealed class SqliteServer() : ServerFixture(StorageProvider.Sqlite);

/// <summary>A server on a fresh PostgreSQL database.</summary>
public sealed class PostgreSqlServer() : ServerFixture(StorageProvider.PostgreSql), IPostgreSqlFixture;

/// <summary>Marks a fixture whose server runs on PostgreSQL, so that its tests skip when no cluster is available.</summary>
public interface IPostgreSqlFixture;

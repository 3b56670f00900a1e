using KitchenWorkflows.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// The real server on a real store: a fresh SQLite folder per factory, or a fresh PostgreSQL database
/// when <see cref="StorageProvider.PostgreSql"/> is asked for (the test script starts the cluster and
/// exports KW_TEST_POSTGRES). It starts with an admin API key (<see cref="AdminKey"/>, the server's
/// <c>Auth:BootstrapAdminKey</c>) that the clients of <see cref="CreateAdminClient"/> send. On the in-memory test server by default;
/// the Studio's browser tests derive from it to start it on Kestrel, where a browser can reach it.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kw-it-" + Guid.NewGuid().ToString("N"));

    public ServerFactory(StorageProvider provider = StorageProvider.Sqlite)
    {
        Provider = provider;
        if (provider == StorageProvider.PostgreSql)
        {
            PostgreSqlConnectionString = TestPostgres.CreateDatabase();
        }
    }

    public StorageProvider Provider { get; }

    public string DataDirectory => _dataDirectory;

    public string? PostgreSqlConnectionString { get; }

    /// <summary>The admin key the server creates at first start.</summary>
    public string AdminKey { get; } = TestKeys.NewAdminKey();

    /// <summary>More configuration for this server (the addresses of outside systems, say), applied after the defaults above.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>More services for this server (a test principal, a log capture), added after the server's own.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", Provider.ToString());
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Runtime:PollInterval", "00:00:00.200");
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        if (PostgreSqlConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:PostgreSql", PostgreSqlConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ExtraServices is not null)
        {
            builder.ConfigureServices(ExtraServices);
        }
    }

    /// <summary>A client that calls as the admin key.</summary>
    public HttpClient CreateAdminClient() => CreateClient(AdminKey);

    /// <summary>A client that sends <paramref name="apiKey"/> (none: anonymous).</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(TestKeys.Header, apiKey);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && PostgreSqlConnectionString is not null)
        {
            TestPostgres.DropDatabase(PostgreSqlConnectionString);
        }

        if (disposing && Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DeleteDataDirectory();
        }
    }

    // A connection closing just after the host stopped (Hangfire's storage closes its own lazily) can remove or
    // re-create a WAL file while the folder is being deleted, which then fails as "not empty": try again shortly.
    private void DeleteDataDirectory()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }
}

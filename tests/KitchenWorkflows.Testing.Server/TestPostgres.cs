using Npgsql;

namespace KitchenWorkflows.Testing.Server;

/// <summary>The PostgreSQL cluster the test script started (KW_TEST_POSTGRES); each caller gets a database of its own.</summary>
public static class TestPostgres
{
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("KW_TEST_POSTGRES");

    public static bool IsAvailable => !string.IsNullOrEmpty(ServerConnectionString);

    public static string CreateDatabase() =>
        CreateDatabase(ServerConnectionString ?? throw new InvalidOperationException("KW_TEST_POSTGRES is not set; run the tests through ops/test.sh."), "kw_");

    /// <summary>Creates an empty database named <paramref name="prefix"/> plus a fresh id on the server, and returns its connection string.</summary>
    public static string CreateDatabase(string server, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

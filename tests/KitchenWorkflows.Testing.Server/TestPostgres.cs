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

    /// <summary>
    /// Drops a database <see cref="CreateDatabase(string, string)"/> made, closing whatever connections to it are
    /// still open. Why: the server under test leaves idle connections in Npgsql's pools (kept five minutes), one pool
    /// per database, so a suite of a hundred short-lived servers would otherwise fill the cluster's max_connections
    /// ("53300: sorry, too many clients already") while each of them is long gone.
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

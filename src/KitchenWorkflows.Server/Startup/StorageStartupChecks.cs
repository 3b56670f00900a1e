using KitchenWorkflows.Persistence;
using Npgsql;

namespace KitchenWorkflows.Server.Startup;

/// <summary>
/// What the store needs before anything is registered or written: for SQLite a data folder the server can create and
/// write, for PostgreSQL a connection string that parses. Without these checks the first use fails deep inside the
/// start-up, with an exception that names neither the setting nor the folder.
/// </summary>
internal static class StorageStartupChecks
{
    public static void Verify(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            VerifyConnectionString(storage.PostgreSqlConnectionString ?? configuration.GetConnectionString("PostgreSql"));
        }
        else
        {
            WritableFolder.Verify(storage.DataDirectory, "Storage__DataDirectory", "the SQLite data folder");
        }
    }

    private static void VerifyConnectionString(string? connectionString)
    {
        // An empty one is the options validation's to report; here only one that is there but does not parse.
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the keyword or the position, never the string itself (it holds the password).
            throw new StartupFailure(
                $"ConnectionStrings__PostgreSql is not a valid PostgreSQL connection string ({StartupFailures.OneLine(ex.Message)}). " +
                "Write it as Host=…;Port=5432;Database=…;Username=…;Password=… and start again.", ex);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Persistence;

/// <summary>Where the store lives. Bound from the <c>Storage</c> section (<c>Storage__Provider</c>, <c>Storage__DataDirectory</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>SQLite (the default, nothing to install) or PostgreSQL (several nodes over one database).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The folder of the SQLite files.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The PostgreSQL connection string; read from <c>ConnectionStrings:PostgreSql</c>.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>The SQLite file of the workflow store.</summary>
    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "kitchenworkflows.db"));
}

/// <summary>The storage providers.</summary>
public enum StorageProvider
{
    /// <summary>SQLite files in the data folder.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database.</summary>
    PostgreSql,
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KitchenWorkflows.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a host or a server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWorkflowDbContext>
{
    public PostgreSqlWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlWorkflowDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

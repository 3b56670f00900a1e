using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence;

/// <summary>The PostgreSQL store; its migrations are in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlWorkflowDbContext(DbContextOptions<PostgreSqlWorkflowDbContext> options) : WorkflowDbContext(options);

using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence;

/// <summary>
/// The store. Each provider has its own subclass so that its migrations stay apart
/// (<see cref="SqliteWorkflowDbContext"/>, <see cref="PostgreSqlWorkflowDbContext"/>).
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Definition versions.</summary>
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();

    /// <summary>Instances.</summary>
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();

    /// <summary>Bookmark index.</summary>
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    /// <summary>Instance tags, replaced with every save of the instance.</summary>
    public DbSet<InstanceTagRecord> InstanceTags => Set<InstanceTagRecord>();

    /// <summary>Journal entries.</summary>
    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    /// <summary>Incidents.</summary>
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    /// <summary>Idempotency keys of start calls.</summary>
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    /// <summary>Triggers of published versions.</summary>
    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();

    /// <summary>API keys (hashes only).</summary>
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    /// <summary>Local accounts.</summary>
    public DbSet<AccountRecord> Accounts => Set<AccountRecord>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    /// <summary>Bulk plans.</summary>
    public DbSet<BulkPlanRecord> BulkPlans => Set<BulkPlanRecord>();

    /// <summary>The instances of bulk plans.</summary>
    public DbSet<BulkPlanItemRecord> BulkPlanItems => Set<BulkPlanItemRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }
}

using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(100);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.CorrelationId).HasMaxLength(200);
        builder.Property(i => i.ParentId).HasMaxLength(100);
        builder.Property(i => i.LeaseOwner).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => new { i.DefinitionId, i.Status, i.SubStatus });
        builder.HasIndex(i => new { i.SubStatus, i.LeaseUntil });
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => i.ParentId);
        builder.HasIndex(i => i.CreatedAt);

        // Retention's range: a definition's ended instances, oldest end first.
        builder.HasIndex(i => new { i.DefinitionId, i.Status, i.FinishedAt });
    }
}

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
        builder.HasIndex(i => i.ParentId);

        // The instance list's filters, each in the list's order (CreatedAt descending, then id): a page is a range of
        // the index and the bounded count a shorter one, at any store size.
        builder.HasIndex(i => new { i.CreatedAt, i.Id }).IsDescending(true, false);
        builder.HasIndex(i => new { i.DefinitionId, i.Status, i.CreatedAt, i.Id }).IsDescending(false, false, true, false);
        builder.HasIndex(i => new { i.CorrelationId, i.CreatedAt, i.Id }).IsDescending(false, true, false);

        // Retention's range: a definition's ended instances, oldest end first.
        builder.HasIndex(i => new { i.DefinitionId, i.Status, i.FinishedAt });
    }
}

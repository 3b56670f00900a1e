using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class BulkPlanConfiguration : IEntityTypeConfiguration<BulkPlanRecord>
{
    public void Configure(EntityTypeBuilder<BulkPlanRecord> builder)
    {
        builder.ToTable("BulkPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(100);
        builder.Property(p => p.Operation).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Selection).HasMaxLength(4000);
        builder.Property(p => p.CreatedBy).HasMaxLength(300);
        builder.Property(p => p.Owner).HasMaxLength(200);
        builder.HasIndex(p => p.Status);
    }
}

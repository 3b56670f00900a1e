using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class BulkPlanItemConfiguration : IEntityTypeConfiguration<BulkPlanItemRecord>
{
    public void Configure(EntityTypeBuilder<BulkPlanItemRecord> builder)
    {
        builder.ToTable("BulkPlanItems");
        builder.HasKey(i => new { i.PlanId, i.InstanceId });
        builder.Property(i => i.PlanId).HasMaxLength(100);
        builder.Property(i => i.InstanceId).HasMaxLength(100);
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Message).HasMaxLength(1000);
        builder.HasIndex(i => new { i.PlanId, i.Outcome });
    }
}

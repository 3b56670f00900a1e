using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class TriggerConfiguration : IEntityTypeConfiguration<TriggerRecord>
{
    public void Configure(EntityTypeBuilder<TriggerRecord> builder)
    {
        builder.ToTable("Triggers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.DefinitionId).HasMaxLength(100);
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.ActivityType).HasMaxLength(200);
        builder.Property(t => t.EventName).HasMaxLength(200);
        builder.HasIndex(t => t.EventName);
        builder.HasIndex(t => t.DefinitionId);
    }
}

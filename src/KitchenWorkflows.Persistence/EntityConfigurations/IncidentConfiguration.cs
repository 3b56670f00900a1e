using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.InstanceId).HasMaxLength(100);
        builder.Property(i => i.ActivityId).HasMaxLength(100);
        builder.Property(i => i.ActivityType).HasMaxLength(200);
        builder.HasIndex(i => i.InstanceId);
    }
}

using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.InstanceId).HasMaxLength(100);
        builder.Property(j => j.ActivityId).HasMaxLength(100);
        builder.Property(j => j.ActivityType).HasMaxLength(200);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
    }
}

using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class InstanceTagConfiguration : IEntityTypeConfiguration<InstanceTagRecord>
{
    public void Configure(EntityTypeBuilder<InstanceTagRecord> builder)
    {
        builder.ToTable("InstanceTags");
        builder.HasKey(t => new { t.InstanceId, t.Name });
        builder.Property(t => t.InstanceId).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(InstanceTags.MaxNameLength);
        builder.Property(t => t.Value).HasMaxLength(InstanceTags.MaxValueLength);

        // The list by tag: a tag's instances newest first, as the instance list orders them (CreatedAt descending, then
        // id), so a page is a range of this index.
        builder.HasIndex(t => new { t.Name, t.Value, t.CreatedAt, t.InstanceId }).IsDescending(false, false, true, false);
    }
}

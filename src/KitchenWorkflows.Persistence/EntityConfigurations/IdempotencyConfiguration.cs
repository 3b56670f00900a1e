using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        builder.HasKey(k => k.Key);

        // Deleting an instance deletes its keys.
        builder.HasIndex(k => k.InstanceId);
        builder.Property(k => k.Key).HasMaxLength(400);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.InstanceId).HasMaxLength(100);
    }
}

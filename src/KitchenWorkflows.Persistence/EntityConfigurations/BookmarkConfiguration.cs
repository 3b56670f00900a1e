using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(100);
        builder.Property(b => b.InstanceId).HasMaxLength(100);
        builder.Property(b => b.ActivityId).HasMaxLength(100);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.CorrelationId).HasMaxLength(200);
        builder.HasIndex(b => new { b.Name, b.CorrelationId });
        builder.HasIndex(b => b.DueAt);
        builder.HasIndex(b => b.InstanceId);
    }
}

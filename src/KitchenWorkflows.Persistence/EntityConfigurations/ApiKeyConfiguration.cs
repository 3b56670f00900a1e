using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.Property(k => k.ServiceCentreId).HasMaxLength(100);
        builder.Property(k => k.AllowedDefinitionIds).HasMaxLength(4000);
        builder.Property(k => k.Salt).HasMaxLength(64);
        builder.Property(k => k.Hash).HasMaxLength(128);
        builder.Property(k => k.CreatedBy).HasMaxLength(300);
        builder.Property(k => k.RevokedBy).HasMaxLength(300);
    }
}

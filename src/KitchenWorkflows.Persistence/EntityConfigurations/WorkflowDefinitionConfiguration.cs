using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KitchenWorkflows.Persistence.EntityConfigurations;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Source).HasMaxLength(300);
        builder.Property(d => d.SourceHash).HasMaxLength(64);
        builder.Property(d => d.ActivityTypeName).HasMaxLength(300);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.DefinitionId, d.IsPublished });
        builder.HasIndex(d => d.ActivityTypeName);
    }
}

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>One stored version of a definition (the first need not be 1: an imported file keeps its own version).</summary>
/// <param name="Version">The version number.</param>
/// <param name="IsLatest">Whether it is the newest version.</param>
/// <param name="IsPublished">Whether it is the published version.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WorkflowDefinitionVersion(int Version, bool IsLatest, bool IsPublished, DateTimeOffset UpdatedAt);

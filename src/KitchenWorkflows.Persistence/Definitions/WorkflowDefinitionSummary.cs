namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>One line of the definitions list.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Name">The latest version's name.</param>
/// <param name="LatestVersion">The newest version.</param>
/// <param name="PublishedVersion">The published version, if any.</param>
/// <param name="IsPublished">Whether a version is published.</param>
/// <param name="HasDraft">Whether the newest version is an unpublished draft.</param>
/// <param name="UpdatedAt">When the definition last changed.</param>
public sealed record WorkflowDefinitionSummary(
    string DefinitionId,
    string Name,
    int LatestVersion,
    int? PublishedVersion,
    bool IsPublished,
    bool HasDraft,
    DateTimeOffset UpdatedAt);

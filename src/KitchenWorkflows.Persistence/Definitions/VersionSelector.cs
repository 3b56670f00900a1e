using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>Which versions of a definition a query picks, as Elsa's <c>VersionOptions</c> name them.</summary>
public enum VersionSelectorKind
{
    /// <summary>The newest version.</summary>
    Latest,

    /// <summary>The published version.</summary>
    Published,

    /// <summary>The newest and the published version (one or two rows).</summary>
    LatestOrPublished,

    /// <summary>The newest version, when it is the published one.</summary>
    LatestAndPublished,

    /// <summary>Every unpublished version.</summary>
    Draft,

    /// <summary>Every version.</summary>
    All,

    /// <summary>The version with the given number.</summary>
    Specific,
}

/// <summary>A choice of versions: a kind, and the number when the kind is <see cref="VersionSelectorKind.Specific"/>.</summary>
/// <param name="Kind">Which versions.</param>
/// <param name="Number">The version number of <see cref="VersionSelectorKind.Specific"/>.</param>
public readonly record struct VersionSelector(VersionSelectorKind Kind, int Number = 0)
{
    /// <summary>The newest version.</summary>
    public static VersionSelector Latest => new(VersionSelectorKind.Latest);

    /// <summary>The published version.</summary>
    public static VersionSelector Published => new(VersionSelectorKind.Published);

    /// <summary>Narrows a query of definition versions to the chosen ones.</summary>
    internal IQueryable<WorkflowDefinitionRecord> Apply(IQueryable<WorkflowDefinitionRecord> query)
    {
        var number = Number;
        return Kind switch
        {
            VersionSelectorKind.Latest => query.Where(d => d.IsLatest),
            VersionSelectorKind.Published => query.Where(d => d.IsPublished),
            VersionSelectorKind.LatestOrPublished => query.Where(d => d.IsLatest || d.IsPublished),
            VersionSelectorKind.LatestAndPublished => query.Where(d => d.IsLatest && d.IsPublished),
            VersionSelectorKind.Draft => query.Where(d => !d.IsPublished),
            VersionSelectorKind.Specific => query.Where(d => d.Version == number),
            _ => query,
        };
    }
}

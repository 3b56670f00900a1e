using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>The order of a definition version list.</summary>
public enum DefinitionVersionOrder
{
    /// <summary>By name.</summary>
    Name,

    /// <summary>By when the version was created.</summary>
    Created,

    /// <summary>By version number.</summary>
    Version,
}

/// <summary>A filtered, ordered page of definition versions (Elsa's workflow definition list asks this way).</summary>
public sealed record DefinitionVersionQuery
{
    /// <summary>Which versions of each definition; null for every version.</summary>
    public VersionSelector? Versions { get; init; }

    /// <summary>Only versions whose name or definition id contains this text, ignoring case.</summary>
    public string? SearchTerm { get; init; }

    /// <summary>Only these definitions.</summary>
    public IReadOnlyCollection<string>? DefinitionIds { get; init; }

    /// <summary>Only these versions (by version id).</summary>
    public IReadOnlyCollection<string>? Ids { get; init; }

    /// <summary>The order.</summary>
    public DefinitionVersionOrder OrderBy { get; init; } = DefinitionVersionOrder.Name;

    /// <summary>Whether the order is descending.</summary>
    public bool Descending { get; init; }

    /// <summary>How many rows to skip.</summary>
    public int Skip { get; init; }

    /// <summary>How many rows at most; null for all.</summary>
    public int? Take { get; init; }
}

/// <summary>A stored definition version with when it was created, which the definition JSON does not hold.</summary>
/// <param name="Definition">The version, with its id, number and flags.</param>
/// <param name="CreatedAt">When the version was created.</param>
public sealed record StoredDefinitionVersion(WorkflowDefinition Definition, DateTimeOffset CreatedAt);

/// <summary>A page of definition versions and how many match in all.</summary>
/// <param name="Items">The page.</param>
/// <param name="TotalCount">How many versions match the filter.</param>
public sealed record StoredDefinitionVersionPage(IReadOnlyList<StoredDefinitionVersion> Items, int TotalCount);

namespace KitchenWorkflows.Persistence.Entities;

/// <summary>One version of a workflow definition, stored as its Elsa 3 JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The version id (the JSON's <c>id</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The id shared by all versions.</summary>
    public required string DefinitionId { get; set; }

    /// <summary>The version number.</summary>
    public int Version { get; set; }

    /// <summary>The name, for listing without parsing the JSON.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The activity type this version is known by in other workflows when its <c>options.usableAsActivity</c> is true
    /// (Elsa's name: the definition's name in Pascal case); null otherwise.
    /// </summary>
    public string? ActivityTypeName { get; set; }

    /// <summary>Whether this is the newest version.</summary>
    public bool IsLatest { get; set; }

    /// <summary>Whether new instances run this version.</summary>
    public bool IsPublished { get; set; }

    /// <summary>The definition JSON.</summary>
    public required string Json { get; set; }

    /// <summary>Where the version came from: <c>api</c>, or <c>file:&lt;name&gt;</c> for a shipped workflow.</summary>
    public required string Source { get; set; }

    /// <summary>A hash of the shipped file's text, so a start-up import knows whether the file changed.</summary>
    public string? SourceHash { get; set; }

    /// <summary>When the version was saved.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last changed (published or unpublished).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

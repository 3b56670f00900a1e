namespace KitchenWorkflows.Persistence.Audit;

/// <summary>What to read from the audit log; every set field must match.</summary>
public sealed record AuditFilter
{
    /// <summary>The actor's name, exactly.</summary>
    public string? Actor { get; init; }

    /// <summary>The action, exactly.</summary>
    public string? Action { get; init; }

    /// <summary>The entity type, exactly.</summary>
    public string? EntityType { get; init; }

    /// <summary>The entity id, exactly.</summary>
    public string? EntityId { get; init; }

    /// <summary>At or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>The page size.</summary>
    public int PageSize { get; init; } = 50;
}

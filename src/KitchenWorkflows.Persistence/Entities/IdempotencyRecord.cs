namespace KitchenWorkflows.Persistence.Entities;

/// <summary>A start call's <c>Idempotency-Key</c>, remembered with the instance it started.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The key, scoped by the definition it started (<c>definitionId:key</c>).</summary>
    public required string Key { get; set; }

    /// <summary>A hash of the request body, so a reused key with another body is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The instance the first call started.</summary>
    public required string InstanceId { get; set; }

    /// <summary>When the first call came.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

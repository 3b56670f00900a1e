namespace KitchenWorkflows.Persistence.Entities;

/// <summary>One audited change: who did what to which entity, and when.</summary>
public sealed class AuditRecord
{
    /// <summary>The row id; ascending in the order of writing.</summary>
    public long Id { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who: a user name, an API key (<c>key:id (name)</c>) or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What kind of caller: account, oidc, api-key, development or system.</summary>
    public required string ActorKind { get; set; }

    /// <summary>The action, such as <c>definition.publish</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of entity: definition, instance, event, api-key, account.</summary>
    public required string EntityType { get; set; }

    /// <summary>The entity's id.</summary>
    public required string EntityId { get; set; }

    /// <summary>The definition version, where there is one.</summary>
    public int? Version { get; set; }

    /// <summary>More about the change, as short text or JSON.</summary>
    public string? Details { get; set; }
}

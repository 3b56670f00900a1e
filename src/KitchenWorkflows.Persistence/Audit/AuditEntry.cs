namespace KitchenWorkflows.Persistence.Audit;

/// <summary>One row of the audit log as the API shows it.</summary>
/// <param name="Id">The row id, ascending in the order of writing.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="ActorKind">account, oidc, api-key, development or system.</param>
/// <param name="Action">What, such as <c>definition.publish</c>.</param>
/// <param name="EntityType">definition, instance, event, api-key or account.</param>
/// <param name="EntityId">Which one.</param>
/// <param name="Version">The definition version, where there is one.</param>
/// <param name="Details">More about it.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string ActorKind, string Action, string EntityType, string EntityId, int? Version, string? Details);

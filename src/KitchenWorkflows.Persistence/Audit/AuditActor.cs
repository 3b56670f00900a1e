namespace KitchenWorkflows.Persistence.Audit;

/// <summary>Who made a change, as the audit log records it.</summary>
/// <param name="Name">A user name, an API key (<c>key:id (name)</c>) or <c>system</c>.</param>
/// <param name="Kind">account, oidc, api-key, development or system.</param>
public sealed record AuditActor(string Name, string Kind)
{
    /// <summary>The server itself, such as the start-up import of the shipped workflows.</summary>
    public static AuditActor System { get; } = new("system", "system");
}

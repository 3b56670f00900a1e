using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Server.Auth;

/// <summary>The body of <c>POST /api/admin/api-keys</c>.</summary>
/// <param name="Name">Who or what the key is for.</param>
/// <param name="Role">One of admin, designer, operator, service-centre, api-client.</param>
/// <param name="ServiceCentreId">For a service-centre key: the centre it acts for (required, and only there).</param>
/// <param name="DefinitionIds">For an api-client key: the definitions it may start and send events to (at least one, and only there).</param>
public sealed record CreateApiKeyRequest(string? Name, string? Role, string? ServiceCentreId, IReadOnlyList<string?>? DefinitionIds);

/// <summary>An API key as an admin sees it: never its secret.</summary>
/// <param name="Id">The public id (the part after <c>kw_</c>).</param>
/// <param name="Name">Who or what it is for.</param>
/// <param name="Role">Its role.</param>
/// <param name="ServiceCentreId">A service-centre key's centre.</param>
/// <param name="DefinitionIds">An api-client key's definitions.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">By whom.</param>
/// <param name="RevokedAt">When it was revoked.</param>
/// <param name="RevokedBy">By whom.</param>
public sealed record ApiKeyInfo(
    string Id, string Name, string Role, string? ServiceCentreId, IReadOnlyList<string> DefinitionIds,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    internal static ApiKeyInfo From(ApiKeyRecord record) => new(
        record.Id, record.Name, record.Role, record.ServiceCentreId, ApiKeyService.SplitDefinitions(record.AllowedDefinitionIds),
        record.CreatedAt, record.CreatedBy, record.RevokedAt, record.RevokedBy);
}

/// <summary>The answer to a key's creation: the only time the plain key is shown.</summary>
/// <param name="Key">The key to send as <c>X-Api-Key</c>. It is not stored and cannot be shown again.</param>
/// <param name="ApiKey">The key's details.</param>
public sealed record CreatedApiKey(string Key, ApiKeyInfo ApiKey);

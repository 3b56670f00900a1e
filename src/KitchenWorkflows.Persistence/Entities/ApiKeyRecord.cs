namespace KitchenWorkflows.Persistence.Entities;

/// <summary>An API key: its public id and a salted hash of its secret, never the key itself.</summary>
public sealed class ApiKeyRecord
{
    /// <summary>The public id, the part of the key between <c>kw_</c> and the secret.</summary>
    public required string Id { get; set; }

    /// <summary>Who or what the key is for.</summary>
    public required string Name { get; set; }

    /// <summary>The one role the key carries.</summary>
    public required string Role { get; set; }

    /// <summary>The service centre a service-centre key acts for.</summary>
    public string? ServiceCentreId { get; set; }

    /// <summary>The definitions an api-client key may start and send events to, comma-separated.</summary>
    public string? AllowedDefinitionIds { get; set; }

    /// <summary>The random salt of the hash, base64.</summary>
    public required string Salt { get; set; }

    /// <summary>PBKDF2-SHA256 of the secret with the salt, base64.</summary>
    public required string Hash { get; set; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>When it was revoked; null while it is valid.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who revoked it.</summary>
    public string? RevokedBy { get; set; }
}

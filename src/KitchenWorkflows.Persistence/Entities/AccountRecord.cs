namespace KitchenWorkflows.Persistence.Entities;

/// <summary>A local account of someone who signs in to the Studio.</summary>
public sealed class AccountRecord
{
    /// <summary>The account id.</summary>
    public required string Id { get; set; }

    /// <summary>The user name as entered at creation.</summary>
    public required string UserName { get; set; }

    /// <summary>The user name upper-cased, unique: sign-in ignores case.</summary>
    public required string NormalizedUserName { get; set; }

    /// <summary>The salted password hash (ASP.NET Core Identity's format).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>The roles, comma-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions stop working.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its roles, password or state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

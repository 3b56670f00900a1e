using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Server.Auth;

/// <summary>Sign-in and API keys. Bound from <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>An admin API key created at first start (the contract's <c>Auth__BootstrapAdminKey</c>), in the form <c>kw_&lt;id&gt;_&lt;secret&gt;</c>.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>The first local account, created with the roles admin, designer and operator when there is no account yet.</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();

    /// <summary>Sign in through an OpenID Connect provider instead of local accounts.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>
    /// How long a node trusts what it verified: an API key's hash, an account's roles and state. A revoked key or a disabled
    /// account stops working on the node that made the change at once, and on every other node within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a Studio sign-in lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>In Development the Studio, the dashboard and the API page are open without sign-in unless this is true.</summary>
    public bool RequireSignInInDevelopment { get; set; }

    /// <summary>The first admin account.</summary>
    internal sealed class InitialAdminOptions
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }

    /// <summary>The OpenID Connect provider; sign-in uses it when <see cref="Authority"/> is set.</summary>
    internal sealed class OidcOptions
    {
        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        /// <summary>The claim of the ID token (or user info) that carries the user's roles or groups.</summary>
        public string RoleClaimType { get; set; } = "roles";

        /// <summary>The claim that names the user.</summary>
        public string NameClaimType { get; set; } = "preferred_username";

        /// <summary>Our role → the provider's values (comma-separated) that grant it; a value equal to our role's name always does.</summary>
        public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Only for a provider on plain HTTP in a test or on a private network.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;

        public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
    }
}

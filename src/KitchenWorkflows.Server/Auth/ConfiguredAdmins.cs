using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>The admins configuration creates at start-up, so a new server can be reached at all.</summary>
internal static class ConfiguredAdmins
{
    /// <summary>Creates <c>Auth:BootstrapAdminKey</c> unless its id exists, and <c>Auth:InitialAdmin</c> when there is no account.</summary>
    public static async Task EnsureConfiguredAdminsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!string.IsNullOrEmpty(options.BootstrapAdminKey))
        {
            await services.GetRequiredService<ApiKeyService>().EnsureBootstrapKeyAsync(options.BootstrapAdminKey, cancellationToken);
        }

        if (options.InitialAdmin is { UserName: { Length: > 0 } userName, Password: { Length: > 0 } password })
        {
            await services.GetRequiredService<AccountService>().EnsureInitialAdminAsync(userName, password, cancellationToken);
        }
    }
}

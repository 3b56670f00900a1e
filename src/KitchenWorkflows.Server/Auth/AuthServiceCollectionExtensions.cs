using KitchenWorkflows.Studio.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Who may do what: API keys, the Studio's sign-in cookie (local accounts, or an OpenID Connect provider), the Studio's
/// calls on behalf of its user, and the policies every endpoint names.
/// </summary>
internal static class AuthServiceCollectionExtensions
{
    public static void AddServerAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !o.Oidc.Enabled || !string.IsNullOrWhiteSpace(o.Oidc.ClientId), "Auth:Oidc:ClientId is required when Auth:Oidc:Authority is set.")
            .Validate(o => string.IsNullOrEmpty(o.BootstrapAdminKey) || ApiKeyFormat.TryParse(o.BootstrapAdminKey, out _, out _),
                "Auth:BootstrapAdminKey must have the form kw_<id>_<secret> (id: 4 to 32 of a-z, 0-9, '-'; secret: at least 32 of A-Z, a-z, 0-9, '-', '_').")
            .Validate(o => string.IsNullOrEmpty(o.InitialAdmin.UserName) == string.IsNullOrEmpty(o.InitialAdmin.Password),
                "Auth:InitialAdmin needs both UserName and Password.")
            .ValidateOnStart();

        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<StudioUserTokens>();
        services.AddSingleton<IStudioUserCredentials>(sp => sp.GetRequiredService<StudioUserTokens>());

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key, Studio user or sign-in cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, StudioUserAuthenticationHandler>(AuthSchemes.StudioUser, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                // Lax: a cross-site POST (forged from another site) carries no cookie; a sign-in redirect back from an
                // OpenID Connect provider still does.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = auth.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = SignInEndpoints.SignInPath;
                o.LogoutPath = SignInEndpoints.SignOutPath;
                o.AccessDeniedPath = SignInEndpoints.SignInPath;
                o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateAccountAsync;
            });
        if (auth.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(AuthSchemes.Oidc, o => OidcSetup.Configure(o, auth.Oidc));
        }

        var developmentOpen = builder.Environment.IsDevelopment() && !auth.RequireSignInInDevelopment;
        services.AddAuthorization(o => Policies.Add(o, developmentOpen));
    }

    /// <summary>Whether the request is a machine's: it gets a status code, not a redirect to the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/elsa/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/metrics");

    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) || AuthorizationHeaderCredential.Names(context.Request, AuthorizationHeaderCredential.ApiKeyScheme) ? AuthSchemes.ApiKey
        : AuthSchemes.StudioUserTokenOf(context.Request) is not null ? AuthSchemes.StudioUser
        : AuthSchemes.Cookie;

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    // A local account's cookie is checked against the account on every request (cached briefly): a disabled account is
    // signed out, and changed roles hold without signing in again.
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.KindOf() != CallerClaims.AccountKind)
        {
            return;
        }

        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var account = await accounts.GetActiveAsync(context.Principal.Identity!.Name!, context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }

        if (!account.Roles.Order(StringComparer.Ordinal).SequenceEqual(context.Principal.RolesOf().Order(StringComparer.Ordinal)))
        {
            context.ReplacePrincipal(AccountService.ToPrincipal(account, AuthSchemes.Cookie));
            context.ShouldRenew = true;
        }
    }
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>Authenticates the Studio's own API calls by their <c>X-Studio-User</c> token (see <see cref="StudioUserTokens"/>).</summary>
internal sealed class StudioUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StudioUserTokens tokens, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.StudioUserHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var user = tokens.Read(values.ToString());
        switch (user?.KindOf())
        {
            case null:
                return AuthenticateResult.Fail("The Studio user token is not valid or has expired.");
            case CallerClaims.AccountKind:
                // The roles and the state of a local account are read again, so a change holds for open Studio tabs too.
                var account = await accounts.GetActiveAsync(user.Identity!.Name!, Context.RequestAborted);
                return account is null
                    ? AuthenticateResult.Fail("The account is disabled or gone.")
                    : Success(AccountService.ToPrincipal(account, Scheme.Name));
            case CallerClaims.DevelopmentKind when !tokens.DevelopmentOpen:
                return AuthenticateResult.Fail("The Development user is only accepted in Development.");
            default:
                return Success(user);
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal user) =>
        AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name));
}

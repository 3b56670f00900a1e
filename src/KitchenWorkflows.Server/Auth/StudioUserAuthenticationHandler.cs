using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// Authenticates the Studio's own API calls by their <c>X-Studio-User</c> token (see <see cref="StudioUserTokens"/>), and
/// Elsa Studio's, which carry the same kind of token as <c>Authorization: Bearer</c> (the header its elements send).
/// </summary>
internal sealed class StudioUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    StudioUserTokens tokens, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AuthSchemes.StudioUserTokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var user = tokens.Read(token);
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

using System.Security.Claims;
using KitchenWorkflows.Studio.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// How the Studio's API calls carry its user: a ticket of the user, protected with this server's data-protection keys
/// (so nobody without them can make one) and valid for two minutes, in <c>X-Studio-User</c>. A fresh one is made per call
/// from the circuit's user, whom the sign-in cookie authenticated when the circuit connected. The API side
/// (<see cref="StudioUserAuthenticationHandler"/>) re-reads a local account's state and roles, as for the cookie itself.
/// The Elsa Studio page hands its elements a longer-lived one of the same kind, sent as <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class StudioUserTokens(IDataProtectionProvider protection, TimeProvider clock, IHostEnvironment environment, IOptions<AuthOptions> options)
    : IStudioUserCredentials
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly TicketDataFormat _format = new(protection.CreateProtector("KitchenWorkflows.StudioUser.v1"));

    /// <summary>Whether the Studio (and the dashboard and API page) are open without sign-in here.</summary>
    public bool DevelopmentOpen => environment.IsDevelopment() && !options.Value.RequireSignInInDevelopment;

    public void Apply(HttpRequestMessage request, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Issue(user, Lifetime) is not { } token)
        {
            return;
        }

        request.Headers.Remove(AuthSchemes.StudioUserHeader);
        request.Headers.Add(AuthSchemes.StudioUserHeader, token);
    }

    /// <summary>
    /// A token of <paramref name="user"/> (in Development without sign-in, of the Development user) valid for
    /// <paramref name="lifetime"/>; null for nobody. The Elsa Studio page hands one to its elements as their bearer token.
    /// </summary>
    public string? Issue(ClaimsPrincipal user, TimeSpan lifetime)
    {
        var principal = user.Identity?.IsAuthenticated == true ? user
            : DevelopmentOpen ? CallerClaims.Create(AuthSchemes.StudioUser, CallerClaims.DevelopmentUserName, CallerClaims.DevelopmentKind, Roles.Ops)
            : null;
        if (principal is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime }, AuthSchemes.StudioUser);
        return _format.Protect(ticket);
    }

    /// <summary>The user of a token that this server made and that has not expired; null otherwise.</summary>
    public ClaimsPrincipal? Read(string token)
    {
        var ticket = _format.Unprotect(token);
        return ticket?.Properties.ExpiresUtc is { } expires && expires > clock.GetUtcNow() ? ticket.Principal : null;
    }
}

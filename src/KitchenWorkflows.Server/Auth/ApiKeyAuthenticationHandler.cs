using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Auth;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header, or <c>Authorization: ApiKey …</c> (Elsa's clients).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string key;
        if (Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values))
        {
            key = values.ToString();
        }
        else if (AuthorizationHeaderCredential.TryRead(Request, AuthorizationHeaderCredential.ApiKeyScheme, out var credential))
        {
            key = credential;
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await keys.VerifyAsync(key, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API key is not valid: unknown, revoked or malformed.")
            // A copy: the cached principal is shared by every request with this key.
            : AuthenticateResult.Success(new AuthenticationTicket(principal.Clone(), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The body is left empty: the status code pages write it as problem details like every other error.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AuthSchemes.ApiKeyHeader}\"";
        return Task.CompletedTask;
    }
}

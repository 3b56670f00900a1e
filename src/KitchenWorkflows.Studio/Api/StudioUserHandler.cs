using Microsoft.AspNetCore.Components.Authorization;

namespace KitchenWorkflows.Studio.Api;

/// <summary>
/// Sends each API call as the circuit's user. It lives in the circuit's scope (created with the client, not by the
/// HTTP client factory, whose handlers live in a scope of their own) so it sees this circuit's authentication state.
/// </summary>
internal sealed class StudioUserHandler(AuthenticationStateProvider authentication, IStudioUserCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        credentials.Apply(request, state.User);
        return await base.SendAsync(request, cancellationToken);
    }
}

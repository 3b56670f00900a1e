using System.Security.Claims;

namespace KitchenWorkflows.Studio.Api;

/// <summary>
/// Puts proof of the Studio's signed-in user on each of its API calls. The host decides what the proof is and the API
/// checks it like any credential: the Studio is never trusted for being the Studio.
/// </summary>
public interface IStudioUserCredentials
{
    /// <summary>Adds the user's credentials to the request; adds nothing when the user may not call the API.</summary>
    void Apply(HttpRequestMessage request, ClaimsPrincipal user);
}

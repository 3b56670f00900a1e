using System.Diagnostics.CodeAnalysis;
using Microsoft.Net.Http.Headers;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// A credential in the standard <c>Authorization</c> header, the form Elsa's clients send (Elsa Studio given an
/// <c>api-key</c> sends <c>ApiKey &lt;key&gt;</c>): the same credential as our own header, through another door.
/// </summary>
internal static class AuthorizationHeaderCredential
{
    /// <summary>The scheme word of an API key (<c>Authorization: ApiKey …</c>).</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>Whether the request's <c>Authorization</c> header names <paramref name="scheme"/> (in any case).</summary>
    public static bool Names(HttpRequest request, string scheme) => TryRead(request, scheme, out _);

    /// <summary>The value after <paramref name="scheme"/> in the <c>Authorization</c> header.</summary>
    public static bool TryRead(HttpRequest request, string scheme, [NotNullWhen(true)] out string? credential)
    {
        credential = null;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length <= scheme.Length + 1 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header[scheme.Length] != ' ')
        {
            return false;
        }

        credential = header[(scheme.Length + 1)..].Trim();
        return credential.Length > 0;
    }
}

using System.Net;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// The URL end of <c>Elsa.SendHttpRequest</c>'s SSRF guard: checks the URL of the request and follows redirects itself,
/// checking every hop, where the connection handler would follow them unchecked.
/// </summary>
public sealed class RedirectGuardHandler(IOptionsMonitor<OutboundHttpOptions> options) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        var policy = new OutboundAddressPolicy(settings);
        policy.ThrowIfUrlRefused(request.RequestUri!);
        var response = await base.SendAsync(request, cancellationToken);
        for (var hop = 0; hop < settings.MaxRedirects && IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            policy.ThrowIfUrlRefused(target);
            var next = Follow(request, target, response.StatusCode);
            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // As browsers and HttpClient do: 303, and 301/302 after a POST, continue as a GET without a body; 307/308 repeat
    // the request. Credentials do not travel to another origin.
    private static HttpRequestMessage Follow(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var asGet = status == HttpStatusCode.SeeOther || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && previous.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(asGet ? HttpMethod.Get : previous.Method, target) { Content = asGet ? null : previous.Content };
        var sameOrigin = Uri.Compare(previous.RequestUri, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        foreach (var (name, values) in previous.Headers)
        {
            if (sameOrigin || !(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                next.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return next;
    }
}

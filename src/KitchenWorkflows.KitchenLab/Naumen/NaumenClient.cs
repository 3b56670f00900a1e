using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Naumen;

/// <summary>
/// Registers requests in Naumen: <c>POST {BaseUrl}/{RequestsPath}</c> with <c>{"storeAddress", "contractNumber",
/// "summary"}</c> and an <c>Idempotency-Key</c>; the answer's <c>id</c> is the registration id.
/// </summary>
public sealed class NaumenClient(HttpClient http, IOptions<NaumenOptions> options)
{
    private const string System = "Naumen";

    /// <summary>Registers a request; returns its registration id.</summary>
    /// <exception cref="IntegrationRejectedException">Naumen refused the request or answered without an id.</exception>
    /// <exception cref="HttpRequestException">Naumen failed or could not be reached; a retry may succeed.</exception>
    public async Task<string> RegisterAsync(NaumenRegistration registration, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var settings = options.Value;
        using var request = IntegrationHttp.JsonPost(settings.RequestsPath, registration, IntegrationHttp.CamelCase, idempotencyKey);
        if (!string.IsNullOrEmpty(settings.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await IntegrationHttp.ReadJsonAsync(response, System, cancellationToken);
        return IntegrationHttp.Text(answer, "id") is { Length: > 0 } id
            ? id
            : throw new IntegrationRejectedException($"{System} answered {(int)response.StatusCode} without a registration id.") { StatusCode = (int)response.StatusCode };
    }
}

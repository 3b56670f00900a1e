using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Sms;

/// <summary>
/// The SMS gateway: <c>POST {BaseUrl}/{SendPath}</c> with <c>{"to", "text"}</c>, a bearer token and an
/// <c>Idempotency-Key</c>, so the gateway sends a retried message once.
/// </summary>
public sealed class SmsGatewayClient(HttpClient http, IOptions<SmsOptions> options)
{
    private const string System = "The SMS gateway";

    /// <summary>Sends one SMS; returns the gateway's message id when it gives one.</summary>
    /// <param name="to">The number as <c>+7XXXXXXXXXX</c>.</param>
    /// <param name="text">The message text.</param>
    /// <param name="idempotencyKey">The same for every attempt of one send.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="IntegrationRejectedException">The gateway refused the message (4xx).</exception>
    /// <exception cref="HttpRequestException">The gateway failed or could not be reached; a retry may succeed.</exception>
    public async Task<string?> SendAsync(string to, string text, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var request = IntegrationHttp.JsonPost(settings.SendPath, new { to, text }, IntegrationHttp.CamelCase, idempotencyKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await IntegrationHttp.ReadJsonAsync(response, System, cancellationToken);
        return IntegrationHttp.Text(answer, "id");
    }
}

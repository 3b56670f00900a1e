using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Sends an HTTP request and continues through the port named after the response status code when it
/// is expected, else <c>Unmatched status code</c>. A connection failure continues through
/// <c>Failed to connect</c> when that port is connected, and otherwise fails the activity so its retry
/// policy applies. Every request carries an <c>Idempotency-Key</c> header that is the same on every
/// retry of one execution, so the receiver can drop repeats. Only addresses that <see cref="OutboundHttpOptions"/>
/// allows are contacted (redirects included); any other request faults the activity at once, without retry, and
/// sends nothing.
/// </summary>
[Activity("Elsa.SendHttpRequest", Category = "HTTP", DisplayName = "HTTP Request", Description = "Send an HTTP request; continue by status code.")]
public sealed class SendHttpRequest : Activity
{
    /// <summary>The port for a status code not in the expected list.</summary>
    public const string UnmatchedPort = "Unmatched status code";

    /// <summary>The port for a connection failure.</summary>
    public const string FailedToConnectPort = "Failed to connect";

    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client the activity uses.</summary>
    public const string HttpClientName = "KitchenWorkflows.SendHttpRequest";

    private IReadOnlyList<string>? _outcomes;

    /// <summary>The absolute URL.</summary>
    [Input(Description = "The absolute URL to send the request to.", Required = true)]
    public Input<string> Url { get; set; } = new();

    /// <summary>The HTTP method.</summary>
    [Input(Description = "The HTTP method.", Options = ["GET", "POST", "PUT", "PATCH", "DELETE"], DefaultValue = "GET")]
    public Input<string> Method { get; set; } = new();

    /// <summary>The body; objects are sent as JSON.</summary>
    [Input(Description = "The request body; objects are sent as JSON.", UIHint = InputUIHints.Json)]
    public Input<object> Content { get; set; } = new();

    /// <summary>The body's content type.</summary>
    [Input(Description = "The content type of the body.", DefaultValue = "application/json")]
    public Input<string> ContentType { get; set; } = new();

    /// <summary>Extra request headers.</summary>
    [Input(Description = "Extra request headers as a JSON object.", UIHint = InputUIHints.Json)]
    public Input<Dictionary<string, object?>> RequestHeaders { get; set; } = new();

    /// <summary>The status codes that get their own port.</summary>
    [Input(Description = "Status codes that get their own outcome port, such as 200, 201, 404.", UIHint = InputUIHints.MultiText)]
    public Input<List<int>> ExpectedStatusCodes { get; set; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() => _outcomes ??=
    [
        .. ExpectedCodes().Select(c => c.ToString(CultureInfo.InvariantCulture)),
        UnmatchedPort,
        FailedToConnectPort,
    ];

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        // On Unix "/path" parses as an absolute file: URI, so the scheme is checked too.
        if (!Uri.TryCreate(context.Get(Url), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return ActivityResult.Fault($"'{context.Get(Url)}' is not an absolute http or https URL.");
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Get(Method) ?? "GET"), url);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        foreach (var (name, value) in context.Get(RequestHeaders) ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        if (context.Get(Content) is { } content)
        {
            var text = content as string ?? PlainValues.ToJson(content)!.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Get(ContentType) ?? "application/json");
        }

        var client = context.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, context.CancellationToken);
        }
        catch (Exception ex) when (OutboundRequestRefusedException.Find(ex) is { } refused)
        {
            return ActivityResult.Fault(refused.Message, retryable: false);
        }
        catch (HttpRequestException ex) when (IsConnected(context, FailedToConnectPort))
        {
            context.SetResult(new Dictionary<string, object?> { ["error"] = ex.Message });
            return ActivityResult.Complete(FailedToConnectPort);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
            context.SetResult(new Dictionary<string, object?>
            {
                ["statusCode"] = status,
                ["content"] = ParseBody(body, response.Content.Headers.ContentType?.MediaType),
            });
            return ActivityResult.Complete(ExpectedCodes().Contains(status) ? status.ToString(CultureInfo.InvariantCulture) : UnmatchedPort);
        }
    }

    private List<int> ExpectedCodes() =>
        ExpectedStatusCodes.Expression is { } e ? ValueConverter.ConvertTo<List<int>>(PlainValues.FromJson(e.Value)) ?? [] : [];

    private static bool IsConnected(ActivityExecutionContext context, string port) =>
        context.Workflow.Workflow.Graph.Outbound(context.ActivityId).Any(c => c.SourcePort == port);

    private static object? ParseBody(string body, string? mediaType)
    {
        if (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0)
        {
            return body;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return PlainValues.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KitchenWorkflows.KitchenLab;

/// <summary>What the HTTP clients of the outside systems share: JSON bodies, idempotency headers, failure classes.</summary>
internal static class IntegrationHttp
{
    /// <summary>The header outside systems use to drop a repeated request.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxDetailLength = 500;

    /// <summary>camelCase JSON with Cyrillic written as is.</summary>
    public static JsonSerializerOptions CamelCase { get; } = Create(JsonNamingPolicy.CamelCase);

    /// <summary>Usedesk's snake_case JSON, Cyrillic written as is.</summary>
    public static JsonSerializerOptions SnakeCase { get; } = Create(JsonNamingPolicy.SnakeCaseLower);

    /// <summary>A base address that ends with a slash, so relative paths append to it instead of replacing its last segment.</summary>
    public static Uri AsBaseAddress(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    /// <summary>A POST of <paramref name="body"/> as UTF-8 JSON carrying the idempotency key.</summary>
    public static HttpRequestMessage JsonPost(string path, object body, JsonSerializerOptions options, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, options), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>
    /// Reads a successful answer's JSON body. A server error, a timeout answer (408) or a throttle (429) throws
    /// <see cref="HttpRequestException"/>, for the retry policy; any other failure is a refusal that a repeat
    /// cannot fix and throws <see cref="IntegrationRejectedException"/>.
    /// </summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, string system, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var message = $"{system} answered {status} {response.ReasonPhrase}: {Shorten(body)}";
            if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                throw new HttpRequestException(message, inner: null, response.StatusCode);
            }

            throw new IntegrationRejectedException(message) { StatusCode = status };
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new IntegrationRejectedException($"{system} answered {status} with a body that is not JSON: {Shorten(body)}", ex) { StatusCode = status };
        }
    }

    /// <summary>A property of an answer as text, whether the system wrote it as a string or a number.</summary>
    public static string? Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string Shorten(string text) =>
        text.Length > MaxDetailLength ? text[..MaxDetailLength] + "…" : text;

    private static JsonSerializerOptions Create(JsonNamingPolicy naming)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = naming,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The bodies go to APIs, never into HTML: the relaxed encoder writes Cyrillic and "+7…" as they are
            // instead of \uXXXX escapes, so what outside systems log reads as sent.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

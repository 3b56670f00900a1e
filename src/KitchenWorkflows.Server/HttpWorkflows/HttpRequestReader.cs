using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace KitchenWorkflows.Server.HttpWorkflows;

/// <summary>
/// Reads an inbound request into what <c>Elsa.HttpEndpoint</c> hands its workflow, as Elsa's parsers do: a JSON body
/// as plain values (malformed JSON throws <see cref="JsonException"/>, which the exception handler answers 400 with its
/// path), a form as its fields, any other body as text. Credentials never reach the workflow: the instance keeps the
/// request in its state and journal.
/// </summary>
internal sealed class HttpRequestReader(IOptions<RequestLimitsOptions> limits)
{
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase)
    {
        AuthSchemes.ApiKeyHeader, AuthSchemes.StudioUserHeader, "Authorization", "Proxy-Authorization", "Cookie",
    };

    public async Task<HttpRequestData> ReadAsync(HttpRequest request, string path, Dictionary<string, object?> routeValues, CancellationToken cancellationToken) => new(
        request.Method.ToUpperInvariant(),
        path,
        routeValues,
        Plain(request.Query),
        Plain(request.Headers.Where(h => !Credentials.Contains(h.Key))),
        await ReadBodyAsync(request, cancellationToken));

    private async Task<object?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            try
            {
                return Plain(await request.ReadFormAsync(cancellationToken));
            }
            catch (InvalidDataException ex)
            {
                throw new BadHttpRequestException("The form body cannot be read: " + ex.Message, StatusCodes.Status400BadRequest, ex);
            }
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (text.Length == 0)
        {
            return null;
        }

        return request.HasJsonContentType()
            ? PlainValues.FromJson(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = limits.Value.MaxJsonDepth }))
            : text;
    }

    // One value as a string, several as a list, as Elsa's ToObjectDictionary does.
    private static Dictionary<string, object?> Plain(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.ToDictionary(v => v.Key, v => v.Value.Count == 1 ? (object?)v.Value[0] : v.Value.Cast<object?>().ToList(), StringComparer.OrdinalIgnoreCase);
}

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// An inbound request to an HTTP endpoint, as the host hands it to <c>Elsa.HttpEndpoint</c> (the trigger payload, or the
/// resume payload of its bookmark) and as the activity's result shows it, with Elsa's output names. Plain values only:
/// a trigger payload is kept in the instance state. The host leaves credentials (API key, cookie, authorization) out.
/// </summary>
/// <param name="Method">The method, upper case.</param>
/// <param name="Path">The request path below the host's prefix.</param>
/// <param name="RouteData">The route parameters by name.</param>
/// <param name="QueryStringData">The query string: one value as a string, several as a list.</param>
/// <param name="Headers">The headers, likewise.</param>
/// <param name="ParsedContent">The body: JSON as plain values, a form as a dictionary, text as a string; null when empty.</param>
public sealed record HttpRequestData(
    string Method,
    string Path,
    Dictionary<string, object?> RouteData,
    Dictionary<string, object?> QueryStringData,
    Dictionary<string, object?> Headers,
    object? ParsedContent)
{
    /// <summary>The marker key that tells a request payload from any other (an event's).</summary>
    private const string MarkerKey = "httpRequest";

    /// <summary>The payload handed to the engine, and the activity's result.</summary>
    public Dictionary<string, object?> ToPayload() => new()
    {
        [MarkerKey] = true,
        ["method"] = Method,
        ["path"] = Path,
        ["routeData"] = RouteData,
        ["queryStringData"] = QueryStringData,
        ["headers"] = Headers,
        ["parsedContent"] = ParsedContent,
    };

    /// <summary>Whether a stimulus payload is a request made by <see cref="ToPayload"/>.</summary>
    public static bool IsRequest(object? payload) => payload is IReadOnlyDictionary<string, object?> map && map.GetValueOrDefault(MarkerKey) is true;
}

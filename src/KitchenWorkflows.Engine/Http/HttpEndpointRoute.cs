using System.Globalization;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// What an <c>Elsa.HttpEndpoint</c> listens on, as a trigger (<see cref="Activities.TriggerDescription.Http"/>) or as
/// the payload of the bookmark a waiting one makes: the path template, the methods it accepts, and who may call it.
/// </summary>
/// <param name="Path">The normalized path template (<c>orders/{id}</c>), below the host's prefix (<c>/workflows</c>).</param>
/// <param name="Methods">The accepted methods, upper case.</param>
/// <param name="Authorize">Whether only authenticated callers may call it.</param>
/// <param name="Policy">The role (or the server's policy) a caller needs, when set.</param>
/// <param name="RequestTimeout">How long the caller waits for the answer at most, when shorter than the host's limit.</param>
public sealed record HttpEndpointRoute(string Path, IReadOnlyList<string> Methods, bool Authorize, string? Policy, TimeSpan? RequestTimeout)
{
    /// <summary>The prefix of the bookmark names of waiting endpoints; the rest of the name is the path template.</summary>
    public const string BookmarkPrefix = "http:";

    // Parsed once, on first use; not part of the route's equality (Equals compares the methods by content, too).
    private RouteTemplate? _template;

    /// <summary>The parsed path template.</summary>
    public RouteTemplate Template => _template ??= RouteTemplate.Parse(Path);

    /// <summary>The name of the bookmark an endpoint waiting on this path makes: a host finds waiting endpoints by it.</summary>
    public string BookmarkName => BookmarkPrefix + Path;

    /// <summary>Whether it accepts <paramref name="method"/>.</summary>
    public bool Accepts(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>The bookmark payload that keeps this route until the request comes.</summary>
    public Dictionary<string, object?> ToPayload() => new()
    {
        ["path"] = Path,
        ["methods"] = Methods.Cast<object?>().ToList(),
        ["authorize"] = Authorize,
        ["policy"] = Policy,
        ["requestTimeout"] = RequestTimeout?.ToString("c", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public bool Equals(HttpEndpointRoute? other) =>
        other is not null && Path == other.Path && Methods.SequenceEqual(other.Methods) && Authorize == other.Authorize
        && Policy == other.Policy && RequestTimeout == other.RequestTimeout;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, Methods.Count, Authorize, Policy, RequestTimeout);

    /// <summary>Reads a route back from a bookmark payload; null when the payload is not one.</summary>
    public static HttpEndpointRoute? FromPayload(IReadOnlyDictionary<string, object?>? payload)
    {
        if (payload?.GetValueOrDefault("path") is not string path)
        {
            return null;
        }

        return new HttpEndpointRoute(
            path,
            ValueConverter.ConvertTo<List<string>>(payload.GetValueOrDefault("methods")) ?? [],
            payload.GetValueOrDefault("authorize") is true,
            payload.GetValueOrDefault("policy") as string,
            ValueConverter.ConvertTo<TimeSpan?>(payload.GetValueOrDefault("requestTimeout")));
    }
}

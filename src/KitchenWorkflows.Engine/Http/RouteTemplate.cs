namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// A path an HTTP endpoint listens on, as Elsa writes it: segments separated by <c>/</c>, each a literal or a route
/// parameter (<c>orders/{id}</c>); a last parameter may be optional (<c>{id?}</c>) or take the rest of the path
/// (<c>{*rest}</c>, <c>{**rest}</c>). A constraint (<c>{id:int}</c>) is accepted and not checked. Literals match
/// without regard to case, as ASP.NET Core's routes do.
/// </summary>
public sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The normalized template: no leading or trailing slash.</summary>
    public string Text { get; }

    /// <summary>How many literal segments it has: the more, the more specific (<c>orders/new</c> wins over <c>orders/{id}</c>).</summary>
    public int LiteralCount => _segments.Count(s => s.Parameter is null);

    /// <summary>Trims the slashes Elsa and clients add around a path.</summary>
    public static string Normalize(string path) => (path ?? "").Trim().Trim('/');

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">A segment is not a literal or a single well-formed parameter.</exception>
    public static RouteTemplate Parse(string path)
    {
        var text = Normalize(path);
        var parts = text.Length == 0 ? [] : text.Split('/');
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            segments[i] = ParseSegment(parts[i], isLast: i == parts.Length - 1);
        }

        return new RouteTemplate(text, segments);
    }

    /// <summary>Whether <paramref name="path"/> has a valid template syntax; the problem otherwise.</summary>
    public static string? Problem(string path)
    {
        try
        {
            Parse(path);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Matches a request path; the route values (parameter name to the path's text) or null when it does not match.</summary>
    public Dictionary<string, object?>? Match(string requestPath)
    {
        var normalized = Normalize(requestPath);
        var parts = normalized.Length == 0 ? [] : normalized.Split('/');
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.CatchAll)
            {
                values[segment.Parameter!] = string.Join('/', parts.Skip(i).Select(Uri.UnescapeDataString));
                return values;
            }

            if (i >= parts.Length)
            {
                return segment.Optional ? values : null;
            }

            var part = Uri.UnescapeDataString(parts[i]);
            if (segment.Parameter is null)
            {
                if (!string.Equals(segment.Literal, part, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
            else if (part.Length == 0)
            {
                return null;
            }
            else
            {
                values[segment.Parameter] = part;
            }
        }

        return parts.Length == _segments.Length ? values : null;
    }

    private static Segment ParseSegment(string part, bool isLast)
    {
        if (!part.Contains('{', StringComparison.Ordinal) && !part.Contains('}', StringComparison.Ordinal))
        {
            return part.Length == 0 ? throw new FormatException("The path has an empty segment (two slashes in a row).") : new Segment(part, null, false, false);
        }

        if (part.Length < 3 || part[0] != '{' || part[^1] != '}' || part[1..^1].IndexOfAny(['{', '}']) >= 0)
        {
            throw new FormatException($"The segment '{part}' is neither a literal nor one route parameter such as '{{id}}'.");
        }

        var inner = part[1..^1];
        var catchAll = inner.StartsWith('*');
        inner = inner.TrimStart('*');
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? inner : inner[..colon];
        var optional = name.EndsWith('?') || inner.EndsWith('?');
        name = name.TrimEnd('?');
        if (name.Length == 0)
        {
            throw new FormatException($"The route parameter '{part}' has no name.");
        }

        if ((catchAll || optional) && !isLast)
        {
            throw new FormatException($"Only the last segment may be optional or take the rest of the path, not '{part}'.");
        }

        return new Segment(null, name, optional, catchAll);
    }

    private sealed record Segment(string? Literal, string? Parameter, bool Optional, bool CatchAll);
}

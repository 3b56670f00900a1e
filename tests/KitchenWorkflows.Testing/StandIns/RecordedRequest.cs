using System.Text.Json;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>A request a stand-in server received, as it arrived on the wire; <paramref name="Number"/> counts arrivals from 1.</summary>
public sealed record RecordedRequest(int Number, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body's top-level JSON properties and their raw JSON values.</summary>
    public IReadOnlyDictionary<string, string> JsonProperties()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
    }

    public string? JsonString(string property)
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.TryGetProperty(property, out var value) ? value.ToString() : null;
    }
}

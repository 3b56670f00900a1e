namespace KitchenWorkflows.Studio;

/// <summary>Studio settings, bound from <c>Studio</c>.</summary>
public sealed class StudioOptions
{
    public const string SectionName = "Studio";

    /// <summary>
    /// Where the Studio sends its API calls. Empty means the address the browser opened the Studio at,
    /// which is right unless a proxy in front rewrites the host the server cannot reach itself at.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }
}

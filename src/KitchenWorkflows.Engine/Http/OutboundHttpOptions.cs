using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// Where <c>Elsa.SendHttpRequest</c> may send requests. Nothing is allowed until configured: a URL must match
/// <see cref="AllowedUrlPrefixes"/> or its host <see cref="AllowedHosts"/>, and every address the host resolves
/// to must be a public one or lie in <see cref="AllowedNetworks"/>.
/// </summary>
public sealed class OutboundHttpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Http";

    /// <summary>Host names (<c>api.example.ru</c>), suffix wildcards (<c>*.example.ru</c>), IP literals, or <c>*</c> for any host.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Absolute URL prefixes (<c>https://partner.example.ru/api/</c>): scheme, host and port must be equal, the path must start with the prefix's.</summary>
    public List<string> AllowedUrlPrefixes { get; set; } = [];

    /// <summary>
    /// Networks in CIDR notation (<c>10.20.0.0/16</c>, <c>127.0.0.1/32</c>) whose addresses are allowed although they are
    /// loopback, private, link-local or otherwise not public; without them such addresses are refused whatever the host.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Redirects followed, each checked like the first request.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;
}

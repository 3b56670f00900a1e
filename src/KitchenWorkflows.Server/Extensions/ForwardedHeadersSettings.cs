using System.Net;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// The proxies in front of the server (nginx in <c>ops/compose.yaml</c>) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Bound from the <c>ForwardedHeaders</c> section; none by default, and then the
/// headers are ignored from everyone.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (<c>ForwardedHeaders__KnownProxies__0=172.28.0.10</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (<c>ForwardedHeaders__KnownNetworks__0=10.20.0.0/16</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>The entries that do not parse, for the start-up to refuse (a typo must not trust nobody silently).</summary>
    public IEnumerable<string> Invalid() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)));
}

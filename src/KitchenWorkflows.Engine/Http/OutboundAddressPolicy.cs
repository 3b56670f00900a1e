using System.Net;
using System.Net.Sockets;

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// Decides whether a URL and the addresses its host resolves to may be contacted, from <see cref="OutboundHttpOptions"/>.
/// Addresses that are not public (loopback, private, link-local such as the cloud metadata service at 169.254.169.254,
/// carrier-grade NAT, multicast, reserved, and their IPv6 counterparts) are refused unless a configured network holds them.
/// </summary>
public sealed class OutboundAddressPolicy(OutboundHttpOptions options)
{
    private static readonly IPNetwork[] NonPublicNetworks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly IPNetwork[] _allowedNetworks = [.. options.AllowedNetworks.Select(ParseNetwork)];

    /// <summary>Throws unless the URL is http or https and matches an allowed prefix or host.</summary>
    /// <exception cref="OutboundRequestRefusedException">The URL is not allowed.</exception>
    public void ThrowIfUrlRefused(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new OutboundRequestRefusedException($"'{url}' is not an absolute http or https URL.");
        }

        if (!options.AllowedUrlPrefixes.Any(p => MatchesPrefix(url, p)) && !options.AllowedHosts.Any(h => MatchesHost(url.IdnHost, h)))
        {
            throw new OutboundRequestRefusedException(
                $"The request to '{url.GetLeftPart(UriPartial.Path)}' was refused: its host '{url.IdnHost}' is not allowed (Http:AllowedHosts, Http:AllowedUrlPrefixes).");
        }
    }

    /// <summary>Throws unless every address is public or in an allowed network.</summary>
    /// <exception cref="OutboundRequestRefusedException">An address is not allowed, or there is none.</exception>
    public void ThrowIfAddressesRefused(string host, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new OutboundRequestRefusedException($"'{host}' resolves to no address.");
        }

        // Every address, not only the first: a host that resolves to a public and a private address is refused as a whole.
        if (addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused)
        {
            throw new OutboundRequestRefusedException(
                $"The request to '{host}' was refused: it resolves to {refused}, which is not a public address and is not in an allowed network (Http:AllowedNetworks).");
        }
    }

    /// <summary>Whether one address may be contacted.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return _allowedNetworks.Any(n => n.Contains(address)) || !NonPublicNetworks.Any(n => n.Contains(address));
    }

    private static bool MatchesHost(string host, string allowed)
    {
        if (allowed == "*")
        {
            return true;
        }

        return allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host.Trim('[', ']'), allowed.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
    }

    private static bool MatchesPrefix(Uri url, string prefix)
    {
        if (!Uri.TryCreate(prefix, UriKind.Absolute, out var allowed))
        {
            return false;
        }

        // Compared part by part, so that "https://api.example.ru" does not let "https://api.example.ru.evil.test" through.
        return url.Scheme == allowed.Scheme
            && string.Equals(url.IdnHost, allowed.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == allowed.Port
            && url.AbsolutePath.StartsWith(allowed.AbsolutePath, StringComparison.Ordinal);
    }

    private static IPNetwork ParseNetwork(string cidr) =>
        IPNetwork.TryParse(cidr, out var network) ? network
        : IPAddress.TryParse(cidr, out var address) ? new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : throw new FormatException($"'{cidr}' in Http:AllowedNetworks is neither a CIDR network nor an IP address.");
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Http;

/// <summary>
/// The connection end of <c>Elsa.SendHttpRequest</c>'s SSRF guard: it resolves the host itself, checks every address
/// and connects to the checked ones, so a DNS answer that changes between check and connect (DNS rebinding) changes
/// nothing. <see cref="RedirectGuardHandler"/> checks the URLs.
/// </summary>
public static class GuardedConnectionHandler
{
    /// <summary>The connection handler: no proxy (it would be the only address checked), no cookies, no automatic redirects.</summary>
    public static SocketsHttpHandler CreatePrimary(IOptionsMonitor<OutboundHttpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(host, cancellationToken);
                new OutboundAddressPolicy(options.CurrentValue).ThrowIfAddressesRefused(host, addresses);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}

using System.Net;
using System.Net.Sockets;

namespace KitchenWorkflows.Testing;

/// <summary>Ports on 127.0.0.1 for servers that must be told their port up front, and for "nothing listens here".</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on: bound once by the OS, then released, so it is free in practice.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// The real server (the kit's <see cref="ServerFactory"/>, a fresh SQLite folder) on Kestrel at 127.0.0.1 and a free
/// port: the browser needs a real socket, and the Studio calls the API at the address the browser opened it at.
/// In Development (this fixture) the Studio opens without sign-in, as the README documents; the test's own
/// API calls send the admin key the server creates at start (<see cref="ServerFactory.AdminKey"/>).
/// </summary>
public class StudioServerFixture : ServerFactory
{
    public StudioServerFixture()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public Uri BaseAddress { get; }
}

using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 (a free port) with a fresh SQLite folder: the browser
/// needs a real socket, and the Studio calls the API at the address the browser opened it at.
/// In Development (this fixture) the Studio opens without sign-in, as the README documents; the test's own
/// API calls send the admin key the server creates at start (<see cref="AdminKey"/>).
/// </summary>
public class StudioServerFixture : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kw-studio-" + Guid.NewGuid().ToString("N"));

    public StudioServerFixture()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's bootstrap admin key.</summary>
    public string AdminKey { get; } = "kw_studiotest_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

using System.Net;
using KitchenWorkflows.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// The server on Kestrel and a real loopback socket, so that Kestrel's own body limit and remote addresses apply as in
/// production, with low limits that hostile input reaches quickly. <c>Elsa.SendHttpRequest</c> may reach only the
/// metadata address's name and a partner prefix that does not exist, so that both the host list and the address check
/// refuse something.
/// </summary>
public class HostileServer : ServerFixture
{
    public const int MaxActivities = 60; // the shipped workflows, imported at start-up, have up to 48
    public const int MaxExpressionLength = 1_000;

    private Uri? _baseAddress;

    public HostileServer() : base(StorageProvider.Sqlite)
    {
    }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scripts:TimeLimit"] = "00:00:02",
        ["Scripts:MaxStatements"] = "2000000000", // so that an endless loop meets the time limit
        ["Limits:MaxActivities"] = MaxActivities.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:MaxExpressionLength"] = MaxExpressionLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Http:AllowedHosts:0"] = "169.254.169.254",
        ["Http:AllowedUrlPrefixes:0"] = "https://partner.example.ru/api/",
    };

    /// <summary>A client over the loopback socket that calls as the server's admin key.</summary>
    public override HttpClient CreateClient() => CreateSocketClient(Factory.AdminKey);

    /// <summary>A client over the loopback socket that sends <paramref name="apiKey"/> (null: anonymous).</summary>
    public HttpClient CreateSocketClient(string? apiKey)
    {
        _baseAddress ??= new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return TestKeys.Client(_baseAddress, apiKey);
    }

    protected override ServerFactory CreateFactory(StorageProvider provider)
    {
        var factory = new ServerFactory(provider) { Settings = Settings };
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }
}

/// <summary>The same server with a rate limit of <see cref="PermitLimit"/> API requests per caller and minute.</summary>
public sealed class RateLimitedServer : HostileServer
{
    public const int PermitLimit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "00:01:00",
    };
}

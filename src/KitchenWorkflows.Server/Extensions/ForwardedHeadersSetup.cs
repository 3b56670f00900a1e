using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Behind a proxy the connection comes from the proxy: the client's address, which the rate limiter counts anonymous
/// callers by, and the scheme, which decides the cookie's Secure flag, arrive in <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>. They are believed only from the configured proxies (<see cref="ForwardedHeadersSettings"/>),
/// never from anyone else, since any client can send them.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void AddServerForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(s => !s.Invalid().Any(), "ForwardedHeaders:KnownProxies entries must be IP addresses and ForwardedHeaders:KnownNetworks entries CIDR networks (10.20.0.0/16).")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UseServerForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() is { Enabled: true })
        {
            app.UseForwardedHeaders();
        }
    }
}

using System.Net;

namespace KitchenWorkflows.Server.IntegrationTests.Operations;

/// <summary>
/// Behind a proxy, anonymous callers are rate-limited by the client address in <c>X-Forwarded-For</c>, but only when the
/// connection comes from a configured proxy (<c>ForwardedHeaders:KnownProxies</c>); from anyone else the header is ignored,
/// since any client can send it. The real server process on 127.0.0.1, so the connection has a real remote address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task FromAKnownProxy_TheForwardedClientIsCounted()
    {
        using var server = await StartAsync(knownProxy: "127.0.0.1");
        using var client = TestKeys.Client(server.BaseAddress, apiKey: null);

        await SpendTheLimitAsync(client, forwardedFor: "203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(client, "203.0.113.8"));
    }

    [Fact]
    public async Task FromAnotherAddress_TheHeaderIsIgnored()
    {
        using var server = await StartAsync(knownProxy: "192.0.2.10");
        using var client = TestKeys.Client(server.BaseAddress, apiKey: null);

        await SpendTheLimitAsync(client, forwardedFor: "203.0.113.7");

        // Another forwarded address changes nothing: the caller is 127.0.0.1, whose limit is spent.
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync(client, "203.0.113.8"));
    }

    private static async Task<ServerProcess> StartAsync(string knownProxy)
    {
        var server = new ServerProcess([], new Dictionary<string, string>
        {
            ["RateLimiting__PermitLimit"] = "2",
            ["RateLimiting__Window"] = "00:10:00",
            ["ForwardedHeaders__KnownProxies__0"] = knownProxy,
        });
        try
        {
            await server.StartAsync(Deadline);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static async Task SpendTheLimitAsync(HttpClient client, string forwardedFor)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(client, forwardedFor));
        }
    }

    // Anonymous: counted by address (a signed-in caller is counted by name), refused with 401 once counted.
    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflow-definitions");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

using System.Net;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// Rate limiting per caller at a low configured limit: past it the API (and the workflows' HTTP endpoints) answers 429
/// with a problem and Retry-After, another caller is not affected, and the health endpoints never count.
/// </summary>
public sealed class RateLimitingTests(RateLimitedServer server) : ApiTestBase(server), IClassFixture<RateLimitedServer>
{
    private readonly RateLimitedServer _server = server;

    [Fact]
    public async Task Api_PastThePermitLimit_Is429WithRetryAfterForThatCallerOnly()
    {
        using var caller = _server.CreateSocketClient(await CreateKeyAsync(new { name = NewId("limited"), role = "operator" }));
        using var other = _server.CreateSocketClient(await CreateKeyAsync(new { name = NewId("other"), role = "operator" }));
        for (var i = 0; i < RateLimitedServer.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/api/activity-descriptors")).StatusCode);
        }

        var refused = await caller.GetAsync("/api/activity-descriptors");

        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", (string?)problem["title"]);
        Assert.Contains("RateLimiting:PermitLimit", (string?)problem["detail"], StringComparison.Ordinal);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/activity-descriptors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Api_AnonymousCallers_AreCountedByAddress()
    {
        // Every anonymous request of this test comes from 127.0.0.1: one partition, whatever the request. The
        // limiter counts before authorization refuses them, so a flood of anonymous calls is throttled too.
        using var anonymous = _server.CreateSocketClient(apiKey: null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedServer.PermitLimit; i++)
        {
            statuses.Add((await anonymous.GetAsync($"/api/workflow-instances?correlationId={i}")).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task WorkflowEndpoints_AreCountedLikeTheApi()
    {
        // The workflows' HTTP endpoints (/workflows) are as open to the network as the API: the same limiter counts them.
        // A caller of its own, as the anonymous partition (one address here) is the other test's.
        using var caller = _server.CreateSocketClient(await CreateKeyAsync(new { name = NewId("endpoints"), role = "operator" }));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedServer.PermitLimit; i++)
        {
            statuses.Add((await caller.GetAsync($"/workflows/nobody-listens/{i}")).StatusCode);
        }

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

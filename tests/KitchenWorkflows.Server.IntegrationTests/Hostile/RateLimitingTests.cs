using System.Net;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// Rate limiting per caller at a low configured limit: past it the API answers 429 with a problem and Retry-After,
/// another caller is not affected, and the health endpoints never count.
/// </summary>
public sealed class RateLimitingTests(RateLimitedServer server) : ApiTestBase(server), IClassFixture<RateLimitedServer>
{
    private async Task<HttpResponseMessage> GetAsAsync(string path, string user)
    {
        using var request = TestPrincipal.As(new HttpRequestMessage(HttpMethod.Get, path), user, "api-client");
        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task Api_PastThePermitLimit_Is429WithRetryAfterForThatCallerOnly()
    {
        var caller = NewId("key");
        for (var i = 0; i < RateLimitedServer.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsAsync("/api/activity-descriptors", caller)).StatusCode);
        }

        var refused = await GetAsAsync("/api/activity-descriptors", caller);

        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", (string?)problem["title"]);
        Assert.Contains("RateLimiting:PermitLimit", (string?)problem["detail"], StringComparison.Ordinal);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await GetAsAsync("/api/activity-descriptors", NewId("other-key"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsAsync("/health/ready", caller)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsAsync("/health/live", caller)).StatusCode);
    }

    [Fact]
    public async Task Api_AnonymousCallers_AreCountedByAddress()
    {
        // Every anonymous request of this test comes from 127.0.0.1: one partition, whatever the request.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedServer.PermitLimit; i++)
        {
            statuses.Add((await Client.GetAsync($"/api/workflow-instances?correlationId={i}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }
}

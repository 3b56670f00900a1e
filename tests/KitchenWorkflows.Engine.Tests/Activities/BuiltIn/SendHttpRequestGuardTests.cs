using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Engine.Tests.Activities.BuiltIn.SendHttpRequestTests;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

/// <summary>
/// The SSRF guard, over real HTTP: a refused request faults the activity at once (not through "Failed to connect",
/// not retried) and the stand-in it aimed at receives nothing.
/// </summary>
public sealed class SendHttpRequestGuardTests
{
    private static JsonObject RetryThreeTimes => new() { ["maxAttempts"] = 3, ["initialDelay"] = "00:00:01" };

    private static EngineHarness Harness(Action<OutboundHttpOptions> allow) =>
        new(services: s => s.Configure(allow));

    private static Incident AssertRefused(RunResult result, string messagePart)
    {
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(EngineHarness.Lines(result.Journal));
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("http", incident.ActivityId);
        Assert.Equal(1, incident.Attempts);
        Assert.Contains(messagePart, incident.Message, StringComparison.Ordinal);
        return incident;
    }

    [Fact]
    public async Task ExecuteAsync_NothingConfigured_RefusesEvenLoopbackAndSendsNothing()
    {
        await using var server = new ScriptedStandIn(_ => new StandInResponse(200));
        await server.StartAsync();
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow(server.BaseUrl.ToString(), retryPolicy: RetryThreeTimes));

        AssertRefused(result, "Http:AllowedHosts");
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://10.0.0.1/", "10.0.0.1")]
    [InlineData("http://[::1]/", "::1")]
    public async Task ExecuteAsync_AnyHostAllowedButAddressNotPublic_Refuses(string url, string address)
    {
        await using var harness = Harness(o => o.AllowedHosts.Add("*"));

        var result = await harness.RunAsync(Flow(url, retryPolicy: RetryThreeTimes));

        AssertRefused(result, address);
    }

    [Fact]
    public async Task ExecuteAsync_HostNameResolvingToLoopback_IsRefusedByItsResolvedAddress()
    {
        await using var server = new ScriptedStandIn(_ => new StandInResponse(200));
        await server.StartAsync();
        await using var harness = Harness(o => o.AllowedHosts.Add("*"));

        var result = await harness.RunAsync(Flow(server.BaseUrl.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));

        AssertRefused(result, "Http:AllowedNetworks");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ExecuteAsync_UrlPrefixAllowed_SendsUnderItAndRefusesBesideIt()
    {
        await using var server = new ScriptedStandIn(_ => StandInResponse.Json("""{"name":"ok"}"""));
        await server.StartAsync();
        await using var harness = Harness(o =>
        {
            o.AllowedUrlPrefixes.Add(server.BaseUrl + "partner/");
            o.AllowedNetworks.Add("127.0.0.1/32");
        });

        var allowed = await harness.RunAsync(Flow(server.BaseUrl + "partner/orders"));
        var refused = await harness.RunAsync(Flow(server.BaseUrl + "admin"));

        Assert.Equal(["ok ok"], EngineHarness.Lines(allowed.Journal));
        AssertRefused(refused, "Http:AllowedUrlPrefixes");
        Assert.Equal(["/partner/orders"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ExecuteAsync_RedirectToAnAllowedUrl_IsFollowed()
    {
        await using var server = new ScriptedStandIn(r => r.Path == "/old"
            ? StandInResponse.Redirect("/new")
            : StandInResponse.Json("""{"name":"moved"}"""));
        await server.StartAsync();
        await using var harness = Harness(o =>
        {
            o.AllowedHosts.Add("127.0.0.1");
            o.AllowedNetworks.Add("127.0.0.1/32");
        });

        var result = await harness.RunAsync(Flow(server.BaseUrl + "old"));

        Assert.Equal(["ok moved"], EngineHarness.Lines(result.Journal));
        Assert.Equal(["/old", "/new"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task ExecuteAsync_RedirectToAUrlNotAllowed_IsRefusedAndItsTargetReceivesNothing()
    {
        await using var target = new ScriptedStandIn(_ => new StandInResponse(200));
        await target.StartAsync();
        await using var server = new ScriptedStandIn(_ => StandInResponse.Redirect(target.BaseUrl + "steal"));
        await server.StartAsync();
        await using var harness = Harness(o =>
        {
            o.AllowedUrlPrefixes.Add(server.BaseUrl.ToString());
            o.AllowedNetworks.Add("127.0.0.1/32");
        });

        var result = await harness.RunAsync(Flow(server.BaseUrl + "start"));

        AssertRefused(result, target.BaseUrl.ToString().TrimEnd('/'));
        Assert.Single(server.Requests);
        Assert.Empty(target.Requests);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.2.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("2a00:1450:4010::65", true)]
    public void IsAllowed_PublicOrInAnAllowedNetwork(string address, bool allowed)
    {
        var policy = new OutboundAddressPolicy(new OutboundHttpOptions { AllowedNetworks = ["10.1.0.0/16"] });

        Assert.Equal(allowed, policy.IsAllowed(System.Net.IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://api.example.ru.evil.test/")]
    [InlineData("https://evil.test/?https://api.example.ru/")]
    [InlineData("http://api.example.ru/")]
    [InlineData("https://api.example.ru:8443/")]
    [InlineData("ftp://api.example.ru/")]
    public void ThrowIfUrlRefused_LookAlikesOfAnAllowedPrefix_AreRefused(string url)
    {
        var policy = new OutboundAddressPolicy(new OutboundHttpOptions { AllowedUrlPrefixes = ["https://api.example.ru/"] });

        Assert.Throws<OutboundRequestRefusedException>(() => policy.ThrowIfUrlRefused(new Uri(url)));
    }

    [Theory]
    [InlineData("https://crm.example.ru/x", true)]
    [InlineData("https://example.ru/x", false)]
    [InlineData("https://crm.example.ru.evil.test/x", false)]
    [InlineData("https://notexample.ru/x", false)]
    public void ThrowIfUrlRefused_WildcardHost_MatchesSubdomainsOnly(string url, bool allowed)
    {
        var policy = new OutboundAddressPolicy(new OutboundHttpOptions { AllowedHosts = ["*.example.ru"] });

        var refusal = Record.Exception(() => policy.ThrowIfUrlRefused(new Uri(url)));

        Assert.Equal(allowed, refusal is null);
    }
}

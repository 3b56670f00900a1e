using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Tests.Naumen;

/// <summary>KitchenLab.RegisterInNaumen through the engine against a stand-in registration endpoint.</summary>
public sealed class RegisterInNaumenTests : IAsyncLifetime
{
    private readonly NaumenStandIn _naumen = new();

    public Task InitializeAsync() => _naumen.StartAsync();

    public async Task DisposeAsync() => await _naumen.DisposeAsync();

    private static FlowBuilder Flow() =>
        FlowBuilder.Single("register", "KitchenLab.RegisterInNaumen",
            ("storeAddress", FlowBuilder.Literal("Москва, Ленинградский пр-т, 31")),
            ("contractNumber", FlowBuilder.Literal("KL-2025-0117")),
            ("summary", FlowBuilder.Literal("Клиент не может связаться с магазином по поводу доставки кухни.")),
            FlowBuilder.Retry(maxAttempts: 3, initialDelaySeconds: 10));

    [Fact]
    public async Task RegisterInNaumen_ServiceQuestion_PostsTheRequestAndReturnsTheRegistrationId()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.NaumenSettings(_naumen));

        var result = await harness.RunAsync(Flow());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("NAU-2026-000042", result.State.ActivityOutputs["act"]);
        var request = Assert.Single(_naumen.Requests);
        Assert.Equal(("POST", "/requests"), (request.Method, request.Path));
        Assert.Equal("Bearer " + NaumenStandIn.Token, request.Header("Authorization"));
        Assert.Equal($"{result.State.Id}:act:1", request.Header("Idempotency-Key"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["storeAddress"] = "\"Москва, Ленинградский пр-т, 31\"",
            ["contractNumber"] = "\"KL-2025-0117\"",
            ["summary"] = "\"Клиент не может связаться с магазином по поводу доставки кухни.\"",
        }, request.JsonProperties());
    }

    [Fact]
    public async Task RegisterInNaumen_ServerError_RetriesWithTheSameKey()
    {
        _naumen.Failures.Enqueue(500);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.NaumenSettings(_naumen));

        var first = await harness.RunAsync(Flow());
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        var state = harness.Runtime.GetInstance(first.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal("NAU-2026-000042", state.ActivityOutputs["act"]);
        Assert.Equal(2, _naumen.Requests.Count);
        Assert.Single(_naumen.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task RegisterInNaumen_Unauthorized_FaultsWithoutRetry()
    {
        await using var harness = new KitchenLabHarness([.. KitchenLabHarness.NaumenSettings(_naumen), new("Naumen:Token", "expired")]);

        var result = await harness.RunAsync(Flow());

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.StartsWith("Naumen answered 401", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }
}

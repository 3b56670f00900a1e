using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class CorrelateTests
{
    [Fact]
    public async Task ExecuteAsync_ScriptCorrelationId_SetsTheInstanceCorrelationUsedByLaterWaits()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("correlate", "Elsa.Correlate", ("correlationId", FlowBuilder.Js("'order-' + getInput('order')")))
            .Add("paid", "Elsa.Event", ("eventName", FlowBuilder.Literal("Paid")))
            .Chain("start", "correlate", "paid")
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["order"] = 7 } });

        Assert.Equal("order-7", result.State.CorrelationId);
        Assert.Equal("order-7", Assert.Single(result.State.Bookmarks).CorrelationId);
    }

    [Fact]
    public async Task ExecuteAsync_InstanceStartedWithACorrelation_ReplacesIt()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder().Add("correlate", "Elsa.Correlate", ("correlationId", FlowBuilder.Literal("new"))).Json;

        var result = await harness.RunAsync(json, new StartRequest { CorrelationId = "old" });

        Assert.Equal("new", result.State.CorrelationId);
    }
}

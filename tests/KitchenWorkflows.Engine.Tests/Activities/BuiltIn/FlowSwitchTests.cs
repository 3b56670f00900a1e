using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class FlowSwitchTests
{
    // start → switch ─Small──→ small
    //                ├Even───→ even
    //                └Default→ other
    private static string Switch(string? mode)
    {
        var properties = new List<(string, JsonNode?)>
        {
            ("cases", new JsonArray(
                new JsonObject { ["label"] = "Small", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('n') < 10" } },
                new JsonObject { ["label"] = "Even", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('n') % 2 == 0" } })),
        };
        if (mode is not null)
        {
            properties.Add(("mode", FlowBuilder.Literal(mode)));
        }

        return new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("switch", "Elsa.FlowSwitch", [.. properties])
            .Add("small", "Elsa.WriteLine", ("text", FlowBuilder.Literal("small")))
            .Add("even", "Elsa.WriteLine", ("text", FlowBuilder.Literal("even")))
            .Add("other", "Elsa.WriteLine", ("text", FlowBuilder.Literal("other")))
            .Chain("start", "switch")
            .Connect("switch", "small", "Small")
            .Connect("switch", "even", "Even")
            .Connect("switch", "other", "Default")
            .Json;
    }

    private static StartRequest With(int n) => new() { Input = new Dictionary<string, object?> { ["n"] = n } };

    [Theory]
    [InlineData(null)]
    [InlineData("MatchFirst")]
    public async Task ExecuteAsync_MatchFirstWithTwoCasesHolding_TakesOnlyTheFirst(string? mode)
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Switch(mode), With(4));

        Assert.Equal(["small"], EngineHarness.Lines(result.Journal));
        Assert.Equal("Small", result.State.ActivityOutputs["switch"]);
    }

    [Fact]
    public async Task ExecuteAsync_MatchAnyWithTwoCasesHolding_TakesBoth()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Switch("MatchAny"), With(4));

        Assert.Equal(["small", "even"], EngineHarness.Lines(result.Journal));
        Assert.Equal(["Small", "Even"], result.Journal.Single(e => e.ActivityId == "switch").Outcomes);
    }

    [Fact]
    public async Task ExecuteAsync_MatchAnyWithOneCaseHolding_TakesThatCaseOnly()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Switch("MatchAny"), With(12));

        Assert.Equal(["even"], EngineHarness.Lines(result.Journal));
    }

    [Theory]
    [InlineData("MatchFirst")]
    [InlineData("MatchAny")]
    public async Task ExecuteAsync_NoCaseHolds_TakesDefault(string mode)
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Switch(mode), With(13));

        Assert.Equal(["other"], EngineHarness.Lines(result.Journal));
        Assert.Equal("Default", result.State.ActivityOutputs["switch"]);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

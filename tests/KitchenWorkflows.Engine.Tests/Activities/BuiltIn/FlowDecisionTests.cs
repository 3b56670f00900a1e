using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class FlowDecisionTests
{
    // start → decision ─True──→ yes
    //                  └False─→ no
    [Theory]
    [InlineData(5, "yes", "True")]
    [InlineData(50, "no", "False")]
    public async Task ExecuteAsync_Condition_ContinuesThroughTheMatchingPortOnly(int amount, string expectedLine, string expectedPort)
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("decision", "Elsa.FlowDecision", ("condition", FlowBuilder.Js("getInput('amount') < 10")))
            .Add("yes", "Elsa.WriteLine", ("text", FlowBuilder.Literal("yes")))
            .Add("no", "Elsa.WriteLine", ("text", FlowBuilder.Literal("no")))
            .Chain("start", "decision")
            .Connect("decision", "yes", "True")
            .Connect("decision", "no", "False")
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["amount"] = amount } });

        Assert.Equal([expectedLine], EngineHarness.Lines(result.Journal));
        Assert.Equal([expectedPort], result.Journal.Single(e => e.ActivityId == "decision").Outcomes);
        Assert.Equal(expectedPort == "True", result.State.ActivityOutputs["decision"]);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class StartTests
{
    [Fact]
    public async Task ExecuteAsync_ExplicitStart_RunsFirstAndCompletesThroughDone()
    {
        // The Start is listed last and the WriteLine first: the explicit Start still wins.
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("a", "Elsa.WriteLine", ("text", FlowBuilder.Literal("A")))
            .Add("start", "Elsa.Start")
            .Chain("start", "a")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(["start", "a"], result.Journal.Select(e => e.ActivityId));
        Assert.Equal(["Done"], result.Journal[0].Outcomes);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

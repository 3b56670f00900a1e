using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class ForkTests
{
    [Theory]
    [InlineData("Elsa.Fork")]
    [InlineData("Elsa.FlowFork")]
    public async Task ExecuteAsync_NamedBranches_RunsEveryBranchAndDone(string type)
    {
        // start → fork ─Left──→ left
        //              ├Right─→ right
        //              └Done──→ done
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", type, ("branches", FlowBuilder.Literal(new JsonArray("Left", "Right"))))
            .Add("left", "Elsa.WriteLine", ("text", FlowBuilder.Literal("left")))
            .Add("right", "Elsa.WriteLine", ("text", FlowBuilder.Literal("right")))
            .Add("done", "Elsa.WriteLine", ("text", FlowBuilder.Literal("done")))
            .Chain("start", "fork")
            .Connect("fork", "left", "Left")
            .Connect("fork", "right", "Right")
            .Connect("fork", "done")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(["left", "right", "done"], EngineHarness.Lines(result.Journal));
        Assert.Equal(["Left", "Right", "Done"], result.Journal.Single(e => e.ActivityId == "fork").Outcomes);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task ExecuteAsync_NoBranchesGiven_UsesTwoDefaultBranches()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("fork", "Elsa.FlowFork")
            .Add("one", "Elsa.WriteLine", ("text", FlowBuilder.Literal("1")))
            .Add("two", "Elsa.WriteLine", ("text", FlowBuilder.Literal("2")))
            .Connect("fork", "one", "Branch 1")
            .Connect("fork", "two", "Branch 2")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(["1", "2"], EngineHarness.Lines(result.Journal));
    }
}

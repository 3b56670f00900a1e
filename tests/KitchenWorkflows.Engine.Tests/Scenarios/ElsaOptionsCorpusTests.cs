using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Scenarios;

/// <summary>Elsa 3's own definitions that need its Object expressions and its runtime options run with the results Elsa's tests assert.</summary>
public sealed class ElsaOptionsCorpusTests
{
    [Fact]
    public async Task Run_FlowForkWithObjectBranches_Finishes()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/fork.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["One", "Two", "Three"], EngineHarness.Lines(result.Journal));
    }
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class WriteLineTests
{
    [Fact]
    public async Task ExecuteAsync_LiteralAndScriptText_WritesEachLineToTheJournal()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("literal", "Elsa.WriteLine", ("text", FlowBuilder.Literal("Hello")))
            .Add("script", "Elsa.WriteLine", ("text", FlowBuilder.Js("'Hi ' + getInput('name')")))
            .Chain("start", "literal", "script")
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["name"] = "Olga" } });

        Assert.Equal(["Hello", "Hi Olga"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

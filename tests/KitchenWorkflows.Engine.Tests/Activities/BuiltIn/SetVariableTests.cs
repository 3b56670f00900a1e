using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class SetVariableTests
{
    [Fact]
    public async Task ExecuteAsync_DeclaredVariable_AssignsTheValueConvertedToItsType()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Variable("Counter", "Int32", 1)
            .Add("start", "Elsa.Start")
            .Add("set", "Elsa.SetVariable",
                ("variable", new JsonObject { ["id"] = "var-Counter", ["name"] = "Counter" }),
                ("value", FlowBuilder.Js("getCounter() + 41")))
            .Add("show", "Elsa.WriteLine", ("text", FlowBuilder.Js("'Counter=' + getCounter()")))
            .Chain("start", "set", "show")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(42, result.State.Variables["Counter"]);
        Assert.Equal(["Counter=42"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task ExecuteAsync_VariableReferencedByNameOnly_SetsIt()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Variable("Status", "String", "new")
            .Add("set", "Elsa.SetVariable",
                ("variable", new JsonObject { ["name"] = "Status" }),
                ("value", FlowBuilder.Literal("paid")))
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal("paid", result.State.Variables["Status"]);
    }
}

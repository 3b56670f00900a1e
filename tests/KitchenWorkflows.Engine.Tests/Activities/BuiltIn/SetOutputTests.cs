using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class SetOutputTests
{
    [Fact]
    public async Task ExecuteAsync_NameAndScriptValue_SetsTheWorkflowOutput()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("out", "Elsa.SetOutput",
                ("outputName", FlowBuilder.Literal("total")),
                ("outputValue", FlowBuilder.Js("({ amount: getInput('a') * 2, currency: 'RUB' })")))
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["a"] = 21 } });

        var total = Assert.IsType<Dictionary<string, object?>>(result.State.Output["total"]);
        Assert.Equal(42d, Convert.ToDouble(total["amount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("RUB", total["currency"]);
    }

    [Fact]
    public async Task ExecuteAsync_NameEvaluatesToEmpty_Faults()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("out", "Elsa.SetOutput", ("outputName", FlowBuilder.Js("''")), ("outputValue", FlowBuilder.Literal("x")))
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("output name", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }
}

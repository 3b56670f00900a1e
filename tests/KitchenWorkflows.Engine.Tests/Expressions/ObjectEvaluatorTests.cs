using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>Elsa's <c>Object</c> expressions: JSON text read as the object or array it spells, then converted to the input's type.</summary>
public sealed class ObjectEvaluatorTests
{
    private static async Task<RunResult> RunProbeAsync(params (string Name, JsonNode? Value)[] objects)
    {
        await using var harness = new EngineHarness(activities: r => r.Register<TypedInputsProbe>());
        var probe = Activity("Probe1", "Test.TypedInputs", [.. objects.Select(o => (o.Name, (JsonNode?)Input("Object", o.Value)))]);
        return await harness.RunAsync(Chain(probe).ToJsonString());
    }

    [Fact]
    public async Task Evaluate_JsonArrayText_IsTheList()
    {
        var result = await RunProbeAsync(("names", "[\"One\",\"Two\"]"));

        Assert.Equal(["One", "Two"], Assert.IsType<List<string>>(result.State.Output["names"]));
    }

    [Fact]
    public async Task Evaluate_JsonNumberText_ConvertsToTheInputType()
    {
        var result = await RunProbeAsync(("count", "42"), ("flag", "true"));

        Assert.Equal(42, result.State.Output["count"]);
        Assert.Equal(true, result.State.Output["flag"]);
    }

    [Fact]
    public async Task Evaluate_BlankText_IsNull()
    {
        var result = await RunProbeAsync(("names", "  "));

        Assert.Null(result.State.Output["names"]);
    }

    [Fact]
    public async Task Evaluate_ObjectTextIntoAVariable_StoresTheObject()
    {
        await using var harness = new EngineHarness();
        var definition = Chain([Variable("Order", "Object")], SetVariable("Set1", "Order", "Object", "{\"id\": 7, \"lines\": [\"a\"]}"));

        var result = await harness.RunAsync(definition.ToJsonString());

        var order = Assert.IsType<Dictionary<string, object?>>(result.State.Variables["Order"]);
        Assert.Equal(7L, order["id"]);
        Assert.Equal(["a"], Assert.IsType<List<object?>>(order["lines"]));
    }

    [Fact]
    public async Task Compile_BrokenJsonObject_ReportsTheExpressionValue()
    {
        await using var harness = new EngineHarness();
        var definition = Chain([Variable("Order", "Object")], SetVariable("Set1", "Order", "Object", "{\"id\": "));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(definition.ToJsonString()));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.root.activities[1].value.expression.value", error.Path);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}

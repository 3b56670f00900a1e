using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>A Variable expression reads a declared variable, named by text or by an <c>{ id, name }</c> reference.</summary>
public sealed class VariableEvaluatorTests
{
    private static readonly JsonArray Variables = [Variable("Name", "String", "Мария", id: "v-name"), Variable("Count", "Int32", "7", id: "v-count")];

    private static async Task<RunResult> RunAsync(params JsonObject[] activities)
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(Chain((JsonArray)Variables.DeepClone(), activities).ToJsonString());
        Assert.True(result.State.SubStatus == WorkflowSubStatus.Finished, string.Join("; ", result.State.Incidents.Select(i => i.Message)));
        return result;
    }

    [Fact]
    public async Task Evaluate_VariableName_ReadsTheValue()
    {
        var result = await RunAsync(WriteLine("Write1", "Variable", "Name"));

        Assert.Equal(["Мария"], EngineHarness.Lines(result.Journal));
    }

    [Theory]
    [InlineData("""{ "id": "v-count", "name": "Count" }""")]
    [InlineData("""{ "id": "v-count" }""")]
    [InlineData("""{ "name": "Count" }""")]
    public async Task Evaluate_VariableReference_ReadsTheTypedValue(string reference)
    {
        var result = await RunAsync(SetOutput("Out1", "Count", "Variable", JsonNode.Parse(reference)));

        Assert.Equal(7, Assert.IsType<int>(result.State.Output["Count"]));
    }

    [Fact]
    public async Task Evaluate_ReferenceWhoseIdWins_ReadsTheVariableOfThatId()
    {
        var result = await RunAsync(SetOutput("Out1", "Value", "Variable", new JsonObject { ["id"] = "v-name", ["name"] = "Renamed" }));

        Assert.Equal("Мария", result.State.Output["Value"]);
    }

    [Fact]
    public async Task Evaluate_VariableSetEarlierInTheRun_ReadsTheNewValue()
    {
        var result = await RunAsync(
            SetVariable("Set1", "Count", "JavaScript", "getCount() + 1"),
            SetOutput("Out1", "Count", "Variable", "Count"));

        Assert.Equal(8, result.State.Output["Count"]);
    }
}

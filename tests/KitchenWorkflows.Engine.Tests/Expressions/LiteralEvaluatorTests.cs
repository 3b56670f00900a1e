using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>Literals, as Elsa writes them (mostly text), convert to the CLR type of the input they feed.</summary>
public sealed class LiteralEvaluatorTests
{
    private static async Task<RunResult> RunProbeAsync(params (string Name, JsonNode? Value)[] literals)
    {
        await using var harness = new EngineHarness(activities: r => r.Register<TypedInputsProbe>());
        var probe = Activity("Probe1", "Test.TypedInputs", [.. literals.Select(l => (l.Name, (JsonNode?)Input("Literal", l.Value)))]);
        return await harness.RunAsync(Chain(probe).ToJsonString());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData(" TRUE ", true)]
    public async Task Evaluate_BooleanText_ConvertsToBool(string text, bool expected)
    {
        var result = await RunProbeAsync(("flag", text));

        Assert.Equal(expected, Assert.IsType<bool>(result.State.Output["flag"]));
    }

    [Fact]
    public async Task Evaluate_JsonTrue_ConvertsToBool()
    {
        var result = await RunProbeAsync(("flag", true));

        Assert.True(Assert.IsType<bool>(result.State.Output["flag"]));
    }

    [Fact]
    public async Task Evaluate_IntegerTextAndJsonNumber_ConvertToInt()
    {
        var fromText = await RunProbeAsync(("count", "42"));
        var fromNumber = await RunProbeAsync(("count", 7));

        Assert.Equal(42, Assert.IsType<int>(fromText.State.Output["count"]));
        Assert.Equal(7, Assert.IsType<int>(fromNumber.State.Output["count"]));
    }

    [Theory]
    [InlineData("00:05:00", 300)]
    [InlineData("1.02:00:00", 93_600)]
    [InlineData("00:00:00.250", 0.25)]
    public async Task Evaluate_TimeSpanText_ConvertsToTimeSpan(string text, double seconds)
    {
        var result = await RunProbeAsync(("wait", text));

        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.IsType<TimeSpan>(result.State.Output["wait"]));
    }

    [Fact]
    public async Task Evaluate_JsonNumberForTimeSpan_ReadsSeconds()
    {
        var result = await RunProbeAsync(("wait", 90));

        Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<TimeSpan>(result.State.Output["wait"]));
    }

    [Fact]
    public async Task Evaluate_JsonTextOfAnArray_ConvertsToListOfString()
    {
        var result = await RunProbeAsync(("names", """["Иван", "Мария", 3]"""));

        Assert.Equal(["Иван", "Мария", "3"], Assert.IsType<List<string>>(result.State.Output["names"]));
    }

    [Fact]
    public async Task Evaluate_JsonArray_ConvertsToListOfString()
    {
        var result = await RunProbeAsync(("names", new JsonArray("a", "b")));

        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(result.State.Output["names"]));
    }

    [Fact]
    public async Task Evaluate_InputsLeftEmpty_GiveTheTypeDefaults()
    {
        var result = await RunProbeAsync();

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal([false, 0, TimeSpan.Zero, null], new[] { "flag", "count", "wait", "names" }.Select(n => result.State.Output[n]));
    }

    [Theory]
    [InlineData("count", "forty-two")]
    [InlineData("flag", "yes")]
    [InlineData("wait", "five minutes")]
    [InlineData("names", "[unclosed")]
    public async Task Evaluate_LiteralThatDoesNotConvert_FaultsWithAnIncident(string input, string text)
    {
        var result = await RunProbeAsync((input, text));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("Probe1", incident.ActivityId);
        Assert.Contains(text, incident.Message, StringComparison.Ordinal);
    }
}

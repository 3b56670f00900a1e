using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class RunJavaScriptTests
{
    // start → js ─Done──→ done
    //            ├Yes───→ yes
    //            └No────→ no
    private static string Flow(string script) => new FlowBuilder()
        .Variable("Total", "Int32", 0)
        .Add("start", "Elsa.Start")
        .Add("js", "Elsa.RunJavaScript", ("script", FlowBuilder.Literal(script)), ("possibleOutcomes", FlowBuilder.Literal(new JsonArray("Yes", "No"))))
        .Add("done", "Elsa.WriteLine", ("text", FlowBuilder.Js("'done ' + getOutputFrom('js')")))
        .Add("yes", "Elsa.WriteLine", ("text", FlowBuilder.Literal("yes")))
        .Add("no", "Elsa.WriteLine", ("text", FlowBuilder.Literal("no")))
        .Chain("start", "js", "done")
        .Connect("js", "yes", "Yes")
        .Connect("js", "no", "No")
        .Json;

    [Fact]
    public async Task ExecuteAsync_ScriptReturnsAValue_MakesItTheResultAndCompletesThroughDone()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("setTotal(40 + 2); return getTotal() * 10;"));

        Assert.Equal(420d, Convert.ToDouble(result.State.ActivityOutputs["js"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(42, result.State.Variables["Total"]);
        Assert.Equal(["done 420"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task ExecuteAsync_SetOutcomeToAPossibleOutcome_ContinuesThroughThatPortOnly()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("setOutcome('No'); 'declined'"));

        Assert.Equal(["no"], EngineHarness.Lines(result.Journal));
        Assert.Equal("declined", result.State.ActivityOutputs["js"]);
    }

    [Fact]
    public async Task ExecuteAsync_SetOutcomes_ContinuesThroughEach()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("setOutcomes(['Yes', 'Done'])"));

        Assert.Equal(["done null", "yes"], EngineHarness.Lines(result.Journal).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_SetOutcomeToAnUnknownOutcome_Faults()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("setOutcome('Maybe')"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("js", incident.ActivityId);
        Assert.Contains("'Maybe'", incident.Message, StringComparison.Ordinal);
        Assert.Empty(EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task ExecuteAsync_ScriptThrows_FaultsWithTheScriptError()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Flow("throw new Error('no contract')"));

        var incident = Assert.Single(result.State.Incidents);
        Assert.Contains("no contract", incident.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(KitchenWorkflows.Engine.Expressions.ScriptFailedException).FullName, incident.ExceptionType);
    }
}

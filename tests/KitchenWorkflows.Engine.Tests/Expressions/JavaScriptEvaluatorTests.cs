using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>Scripts see Elsa 3's globals and may end with <c>return</c> or with an expression.</summary>
public sealed class JavaScriptEvaluatorTests
{
    private static async Task<RunResult> RunAsync(JsonObject definition, StartRequest? request = null)
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(definition.ToJsonString(), request);
        Assert.True(result.State.SubStatus == WorkflowSubStatus.Finished, string.Join("; ", result.State.Incidents.Select(i => i.Message)));
        return result;
    }

    private static JsonObject Script(string id, string script) =>
        Activity(id, "Elsa.RunJavaScript", ("script", Input("Literal", script, "String")));

    [Theory]
    [InlineData("return 6 * 7;")]
    [InlineData("6 * 7")]
    [InlineData("const a = 6;\nconst b = 7;\na * b")]
    [InlineData("if (true) { return 42; }\nreturn 0;")]
    public async Task Evaluate_ReturnOrTrailingExpression_GivesTheValue(string script)
    {
        var result = await RunAsync(Chain(SetOutput("Out1", "Answer", "JavaScript", script)));

        Assert.Equal(42L, result.State.Output["Answer"]);
    }

    [Fact]
    public async Task Evaluate_GetVariableAndSetVariable_ReadAndWriteWorkflowVariables()
    {
        var definition = Chain(
            [Variable("Counter", "Int32", "40"), Variable("Name", "String")],
            Script("Script1", "setVariable('Counter', getVariable('Counter') + 2); setVariable('Name', 'Иван');"));

        var result = await RunAsync(definition);

        Assert.Equal(42, Assert.IsType<int>(result.State.Variables["Counter"]));
        Assert.Equal("Иван", result.State.Variables["Name"]);
    }

    [Fact]
    public async Task Evaluate_AccessorsPerDeclaredVariable_ReadAndWriteThatVariable()
    {
        var definition = Chain(
            [Variable("Counter", "Int32", "1"), Variable("Label", "String", "n=")],
            Script("Script1", "setCounter(getCounter() * 10); setLabel(getLabel() + getCounter());"));

        var result = await RunAsync(definition);

        Assert.Equal(10, result.State.Variables["Counter"]);
        Assert.Equal("n=10", result.State.Variables["Label"]);
    }

    [Fact]
    public async Task Evaluate_SetTag_SetsReplacesAndRemovesInstanceTags()
    {
        var definition = Chain(Script("Script1", "setTag('serviceCentreId', getInput('centre')); setTag('status', 'assigned'); setTag('status', 'scheduled'); setTag('draft', 'x'); setTag('draft', null); setTag('count', 3);"));

        var result = await RunAsync(definition, new StartRequest { Input = new Dictionary<string, object?> { ["centre"] = "asc-77" } });

        Assert.Equal(new Dictionary<string, string> { ["serviceCentreId"] = "asc-77", ["status"] = "scheduled", ["count"] = "3" }, result.State.Tags);
    }

    [Fact]
    public async Task Evaluate_SetTagWithABadName_FaultsTheActivityWithTheRule()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(Chain(Script("Script1", "setTag('a:b', 'x')")).ToJsonString());

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("without ':'", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SetVariableOfAnUndeclaredName_DeclaresAnObjectVariable()
    {
        var result = await RunAsync(Chain(Script("Script1", "setVariable('Scratch', [1, 2])")));

        Assert.Equal([1L, 2L], Assert.IsType<List<object?>>(result.State.Variables["Scratch"]));
    }

    [Fact]
    public async Task Evaluate_GetVariableOfAnUndeclaredName_GivesNull()
    {
        var result = await RunAsync(Chain(SetOutput("Out1", "Missing", "JavaScript", "getVariable('Nope') === null")));

        Assert.Equal(true, result.State.Output["Missing"]);
    }

    [Fact]
    public async Task Evaluate_GetInput_ReadsTheWorkflowInput()
    {
        var request = new StartRequest { Input = new Dictionary<string, object?> { ["Phone"] = "+7 900 000-00-00" } };

        var result = await RunAsync(Chain(SetOutput("Out1", "Phone", "JavaScript", "'tel:' + getInput('Phone')")), request);

        Assert.Equal("tel:+7 900 000-00-00", result.State.Output["Phone"]);
    }

    [Fact]
    public async Task Evaluate_GetOutputFromAndGetLastResult_ReadEarlierResults()
    {
        var definition = Chain(
            Script("Script1", "return 41;"),
            Script("Script2", "return 'last';"),
            SetOutput("Out1", "FromFirst", "JavaScript", "getOutputFrom('Script1') + 1"),
            SetOutput("Out2", "Last", "JavaScript", "getLastResult()"));

        var result = await RunAsync(definition);

        Assert.Equal(42L, result.State.Output["FromFirst"]);
        Assert.Equal("last", result.State.Output["Last"]);
    }

    [Fact]
    public async Task Evaluate_GetWorkflowInstanceIdAndGetCorrelationId_ReadTheInstance()
    {
        var request = new StartRequest { InstanceId = "instance-7", CorrelationId = "contract-123" };
        var definition = Chain(
            SetOutput("Out1", "Id", "JavaScript", "getWorkflowInstanceId()"),
            SetOutput("Out2", "Correlation", "JavaScript", "getCorrelationId()"));

        var result = await RunAsync(definition, request);

        Assert.Equal("instance-7", result.State.Output["Id"]);
        Assert.Equal("contract-123", result.State.Output["Correlation"]);
    }

    [Fact]
    public async Task Evaluate_GetCorrelationIdWithoutOne_GivesNull()
    {
        var result = await RunAsync(Chain(SetOutput("Out1", "NoCorrelation", "JavaScript", "getCorrelationId() === null")));

        Assert.Equal(true, result.State.Output["NoCorrelation"]);
    }

    [Fact]
    public async Task Evaluate_SetCorrelationId_ChangesTheInstanceCorrelation()
    {
        var definition = Chain(
            Script("Script1", "setCorrelationId('claim-' + (40 + 2))"),
            SetOutput("Out1", "Seen", "JavaScript", "getCorrelationId()"));

        var result = await RunAsync(definition, new StartRequest { CorrelationId = "old" });

        Assert.Equal("claim-42", result.State.CorrelationId);
        Assert.Equal("claim-42", result.State.Output["Seen"]);
    }

    [Fact]
    public async Task Evaluate_ConditionOfADecision_ChoosesTheBranch()
    {
        var definition = Chain(Decision("Decision1", "JavaScript", "getInput('Amount') > 1000"));
        var root = definition["root"]!.AsObject();
        root["activities"]!.AsArray().Add(WriteLine("Big", "Literal", "big"));
        root["activities"]!.AsArray().Add(WriteLine("Small", "Literal", "small"));
        root["connections"]!.AsArray().Add(Connection("Decision1", "True", "Big"));
        root["connections"]!.AsArray().Add(Connection("Decision1", "False", "Small"));

        var result = await RunAsync(definition, new StartRequest { Input = new Dictionary<string, object?> { ["Amount"] = 1500 } });

        Assert.Equal(["big"], EngineHarness.Lines(result.Journal));
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.CSharp;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.CSharp;

/// <summary>C# expressions and Elsa.RunCSharp through Roslyn: refused unless turned on, Elsa's globals, compiled once, bounded in time.</summary>
public sealed class CSharpScriptingTests
{
    private static EngineHarness Harness(bool enabled, Action<CSharpScriptOptions>? configure = null) => new(
        activities: r => r.AddCSharpActivities(),
        services: s => s.AddKitchenWorkflowsCSharp().Configure<CSharpScriptOptions>(o =>
        {
            o.Enabled = enabled;
            configure?.Invoke(o);
        }));

    private static JsonObject RunCSharpNode(string id, string code, params string[] outcomes)
    {
        var node = Activity(id, "Elsa.RunCSharp", ("script", Input("Literal", code, "String")));
        if (outcomes.Length > 0)
        {
            node["possibleOutcomes"] = Input("Literal", new JsonArray([.. outcomes.Select(o => (JsonNode)o)]), "String[]");
        }

        return node;
    }

    [Fact]
    public async Task Compile_CSharpWhileTurnedOff_ReportsEveryUseAtItsPath()
    {
        await using var harness = Harness(enabled: false);
        var definition = Chain(WriteLine("Write1", "CSharp", "\"hello\""), RunCSharpNode("Run1", "return 1;"));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(definition.ToJsonString()));

        Assert.Equal(["$.root.activities[1].text.expression.value", "$.root.activities[2].script.expression.value"], ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Contains("Scripts:CSharp:Enabled", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compile_CodeThatDoesNotCompile_ReportsTheCompilerError()
    {
        await using var harness = Harness(enabled: true);
        var definition = Chain(WriteLine("Write1", "CSharp", "Variables.Nobody + 1"));

        var error = Assert.Single(Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(definition.ToJsonString())).Errors);

        Assert.Equal("$.root.activities[1].text.expression.value", error.Path);
        Assert.Contains("Nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ElsaGlobals_ReadAndWriteTheWorkflow()
    {
        await using var harness = Harness(enabled: true);
        var definition = Chain(
            [Variable("Counter", "Int32", "2"), Variable("Variable1", "Object", "x")],
            RunCSharpNode("Run1", "Variables.Counter += 1; Variable.Set(\"Variable1\", Input.Get<string>(\"name\")); return Variables.Counter * 10;"),
            WriteLine("Write1", "CSharp", "$\"{Output.From(\"Run1\")} {Output.LastResult} {Variables.Variable1} {WorkflowInstanceId.Length > 0} {CorrelationId}\""),
            WriteLine("Write2", "CSharp", "return Variables.Variable1.ToString();"));

        var result = await harness.RunAsync(definition.ToJsonString(), new StartRequest { CorrelationId = "order-7", Input = new Dictionary<string, object?> { ["name"] = "Иван" } });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["30 30 Иван True order-7", "Иван"], EngineHarness.Lines(result.Journal));
        Assert.Equal(3, result.State.Variables["Counter"]);
    }

    [Fact]
    public async Task Run_DeclaredWorkflowInput_HasItsOwnTypedProperty()
    {
        await using var harness = Harness(enabled: true);
        var definition = Chain(WriteLine("Write1", "CSharp", "(Input.Amount * 2).ToString()"));
        definition["inputs"] = new JsonArray(new JsonObject { ["name"] = "amount", ["type"] = "Int32" });

        var result = await harness.RunAsync(definition.ToJsonString(), new StartRequest { Input = new Dictionary<string, object?> { ["amount"] = 21 } });

        Assert.Equal(["42"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_RunCSharpChoosingAnOutcome_CompletesThroughIt()
    {
        await using var harness = Harness(enabled: true);
        var definition = Chain(RunCSharpNode("Run1", "Outcome.Set(\"Later\");", "Now", "Later"), WriteLine("Write1", "Literal", "later"));
        definition["root"]!["connections"]!.AsArray()[1]!["source"]!["port"] = "Later";

        var result = await harness.RunAsync(definition.ToJsonString());

        Assert.Equal(["later"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_SameScriptManyTimes_CompilesItOnce()
    {
        await using var harness = Harness(enabled: true);
        var workflow = harness.Compile(Chain(WriteLine("Write1", "CSharp", "DateTime.UtcNow.Year > 2000 ? \"yes\" : \"no\"")).ToJsonString());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["yes"], EngineHarness.Lines((await harness.Runner.StartAsync(workflow, new StartRequest())).Journal));
        }

        Assert.Equal(1, harness.Services.GetRequiredService<CSharpScripts>().Compilations);
    }

    [Fact]
    public async Task Run_ScriptPastItsTimeLimit_FaultsTheActivityAndFurtherScriptsAreRefusedWhileItRuns()
    {
        await using var harness = Harness(enabled: true, o =>
        {
            o.TimeLimit = TimeSpan.FromMilliseconds(200);
            o.MaxRunawayScripts = 1;
        });
        // Sleeps rather than spins, so the overrun costs the test machine no processor while it lasts.
        var slow = harness.Compile(Chain(RunCSharpNode("Run1", "System.Threading.Thread.Sleep(3000); return 1;")).ToJsonString());
        var quick = harness.Compile(Chain(RunCSharpNode("Run1", "return 1;")).ToJsonString());

        var overran = await harness.Runner.StartAsync(slow, new StartRequest());
        var refused = await harness.Runner.StartAsync(quick, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Faulted, overran.State.SubStatus);
        Assert.Contains("Scripts:CSharp:TimeLimit", overran.State.Incidents.Single().Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Faulted, refused.State.SubStatus);
        Assert.Contains("Scripts:CSharp:MaxRunawayScripts", refused.State.Incidents.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ScriptThatWatchesItsToken_EndsAtTheLimit()
    {
        await using var harness = Harness(enabled: true, o => o.TimeLimit = TimeSpan.FromMilliseconds(200));
        var workflow = harness.Compile(Chain(RunCSharpNode("Run1", "while (!CancellationToken.IsCancellationRequested) { System.Threading.Thread.Sleep(5); } return 1;")).ToJsonString());

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("Scripts:CSharp:TimeLimit", result.State.Incidents.Single().Message, StringComparison.Ordinal);
    }
}

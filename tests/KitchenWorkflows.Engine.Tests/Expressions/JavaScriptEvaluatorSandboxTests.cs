using System.Globalization;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Expressions;

/// <summary>A script cannot stall a worker or reach the CLR: limits and sandbox faults become incidents.</summary>
public sealed class JavaScriptEvaluatorSandboxTests
{
    private static JsonObject ScriptThenWrite(string script) => Chain(
        Activity("Script1", "Elsa.RunJavaScript", ("script", Input("Literal", script, "String"))),
        WriteLine("Write1", "Literal", "after"));

    private static async Task<RunResult> RunAsync(JsonObject definition, Action<ScriptOptions>? limits = null)
    {
        await using var harness = new EngineHarness(services: s => s.Configure<ScriptOptions>(o => limits?.Invoke(o)));
        return await harness.RunAsync(definition.ToJsonString());
    }

    private static Incident AssertFaultedAtScript(RunResult result)
    {
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(EngineHarness.Lines(result.Journal));
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("Script1", incident.ActivityId);
        Assert.Equal(typeof(ScriptFailedException).FullName, incident.ExceptionType);
        return incident;
    }

    [Fact]
    public async Task Run_EndlessLoopOverTheStatementLimit_FaultsWithAnIncident()
    {
        var result = await RunAsync(ScriptThenWrite("while (true) { }"), o => o.MaxStatements = 100);

        var incident = AssertFaultedAtScript(result);
        Assert.Contains("statement", incident.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_EndlessLoopOverTheTimeLimit_FaultsWithAnIncident()
    {
        var result = await RunAsync(ScriptThenWrite("while (true) { }"), o =>
        {
            o.TimeLimit = TimeSpan.FromMilliseconds(50);
            o.MaxStatements = int.MaxValue;
        });

        var incident = AssertFaultedAtScript(result);
        Assert.Contains("timed out", incident.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_EndlessRecursion_FaultsWithAnIncident()
    {
        var result = await RunAsync(ScriptThenWrite("function f(n) { return f(n + 1); } f(0)"), o => o.RecursionLimit = 32);

        AssertFaultedAtScript(result);
    }

    [Fact]
    public async Task Run_ScriptWithinTheLimits_Finishes()
    {
        var result = await RunAsync(ScriptThenWrite("let s = 0; for (let i = 0; i < 10; i++) { s += i; } s"), o => o.MaxStatements = 100);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(45L, result.State.ActivityOutputs["Script1"]);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("const io = importNamespace('System.IO'); io.File.Exists('/')")]
    [InlineData("System.Environment.Exit(1)")]
    [InlineData("clr.System.Console")]
    [InlineData("getInput.GetType().Assembly")]
    public async Task Run_ScriptReachingForTheClr_FaultsInsteadOfSucceeding(string script)
    {
        var result = await RunAsync(ScriptThenWrite(script));

        AssertFaultedAtScript(result);
    }

    // Each of these stalled a worker, took a gigabyte, or (the deep ones) ended the process with a stack overflow
    // before the evaluator's stack guard, array limit, removed typed arrays and result checks.
    [Theory]
    [InlineData("let o = {}; for (let i = 0; i < 40000; i++) o = { o }; JSON.stringify(o).length")]
    [InlineData("let a = []; for (let i = 0; i < 40000; i++) a = [a]; a.toString().length")]
    [InlineData("let o = {}; for (let i = 0; i < 30000; i++) o = { o }; o")]
    [InlineData("const o = {}; o.self = o; o")]
    [InlineData("new Array(1e9).fill(0).length")]
    [InlineData("let s = 'x'; while (true) s += s;")]
    [InlineData("'x'.repeat(1 << 30)")]
    [InlineData("'x'.repeat(1e8)")]
    [InlineData("new Uint8Array(1e9).length")]
    [InlineData("new ArrayBuffer(1e9).byteLength")]
    [InlineData("new globalThis['Uint' + '8Array'](1e9).length")]
    [InlineData("new this['Float64' + 'Array'](1e9).length")]
    [InlineData("new Uint8\\u0041rray(1e9).length")]
    [InlineData("new (Object.getPrototypeOf(function () { }).constructor)('return this')()")]
    [InlineData("Atomics.wait(new Int32Array(4), 0, 0)")]
    [InlineData("/(a+)+$/.test('a'.repeat(40) + '!')")]
    [InlineData("while (true) { try { while (true) { } } catch (e) { } }")]
    [InlineData("(async () => { while (true) await null; })(); 1")]
    [InlineData("function f() { return [1].map(f); } f()")]
    [InlineData("Function('return this')().constructor.constructor('return importNamespace')()('System.IO')")]
    [InlineData("getVariable.constructor('return this')().System.IO")]
    [InlineData("this.constructor.constructor('return clr')()")]
    public async Task Run_HostileScript_FaultsWithAnIncidentWithinTheTimeLimit(string script)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await RunAsync(ScriptThenWrite(script), o => o.TimeLimit = TimeSpan.FromSeconds(1));

        AssertFaultedAtScript(result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Run_ResultWithAGetterThatLoops_LeavesTheGetterOutInsteadOfRunningItUnlimited()
    {
        var result = await RunAsync(ScriptThenWrite("({ a: 1, get x() { while (true) { } } })"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L }, result.State.ActivityOutputs["Script1"]);
    }

    [Fact]
    public async Task Run_GlobalObject_HoldsNoClrEntryPoints()
    {
        var result = await RunAsync(ScriptThenWrite(
            "const g = globalThis; [typeof g.System, typeof g.importNamespace, typeof g.clr, typeof g.require, typeof g.process, typeof g.Uint8Array].join()"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("undefined,undefined,undefined,undefined,undefined,undefined", result.State.ActivityOutputs["Script1"]);
    }

    [Fact]
    public async Task Run_LiquidLoopOverTheStatementLimit_FaultsWithAnIncident()
    {
        var result = await RunAsync(Chain(WriteLine("Script1", "Liquid", "{% for i in (1..100000000) %}x{% endfor %}")), o => o.MaxStatements = 1000);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("Script1", Assert.Single(result.State.Incidents).ActivityId);
    }

    [Fact]
    public async Task Run_ScriptThatThrows_FaultsWithTheScriptMessage()
    {
        var result = await RunAsync(ScriptThenWrite("throw new Error('Склад недоступен')"));

        Assert.Contains("Склад недоступен", AssertFaultedAtScript(result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SameScriptManyTimes_ParsesItOnce()
    {
        await using var harness = new EngineHarness();
        var evaluator = harness.Services.GetRequiredService<JavaScriptEvaluator>();
        var workflow = harness.Compile(Chain(
            SetOutput("Out1", "A", "JavaScript", "getInput('n') * 2"),
            SetOutput("Out2", "B", "JavaScript", "getInput('n') * 2"),
            SetOutput("Out3", "C", "JavaScript", "getInput('n') * 3")).ToJsonString());
        var afterCompile = evaluator.Preparations;

        for (var i = 0; i < 20; i++)
        {
            var result = await harness.Runner.StartAsync(workflow, new StartRequest { Input = new Dictionary<string, object?> { ["n"] = i } });
            Assert.Equal(i * 3L, result.State.Output["C"]);
        }

        Assert.Equal(2, afterCompile);
        Assert.Equal(afterCompile, evaluator.Preparations);
    }

    [Fact]
    public async Task Check_MoreScriptsThanTheCacheHolds_StartsTheCacheAfresh()
    {
        await using var harness = new EngineHarness();
        var evaluator = harness.Services.GetRequiredService<JavaScriptEvaluator>();
        var definition = new WorkflowDefinition();
        Assert.Null(evaluator.Check(WorkflowExpression.JavaScript("0"), definition));

        for (var i = 1; i <= 10_000; i++)
        {
            evaluator.Check(WorkflowExpression.JavaScript(i.ToString(CultureInfo.InvariantCulture)), definition);
        }

        var beforeRecheck = evaluator.Preparations;
        evaluator.Check(WorkflowExpression.JavaScript("0"), definition);
        Assert.Equal(beforeRecheck + 1, evaluator.Preparations);
    }
}

using KitchenWorkflows.CSharp;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Tests.Composition;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Scenarios;

/// <summary>
/// Elsa's output bindings (an output property with a <c>memoryReference</c>), run on Elsa's own ParentChildOutputMapping
/// definitions with the lines Elsa's test expects: an activity's output mapped to a variable, or straight to an output of
/// the workflow, through workflows used as activities.
/// </summary>
public sealed class ElsaOutputMappingTests
{
    [Fact]
    public async Task Run_CalculatorUsingSum_WritesTheChildsResultBoundToAVariable()
    {
        await using var harness = Harness(("Sum", "sum"));
        var workflow = harness.Compiler.Compile(Load("calculator"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["Result: 9"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_ChildrenWithTheSameOutputNames_EachBindingGetsItsOwnChildsOutput()
    {
        await using var harness = Harness(("A", "a"), ("B", "b"), ("C", "c"));
        var workflow = harness.Compiler.Compile(Load("d"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["FooBar"], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_ActivitiesWhoseOutputsAreBoundToTheWorkflowsOutputs_SetThoseOutputs()
    {
        await using var harness = Harness(("A", "a"), ("B", "b"));
        var workflow = harness.Compiler.Compile(Load("c"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(("Foo", "Bar"), (result.State.Output["Output1"], result.State.Output["Output2"]));
    }

    private static Engine.Definitions.WorkflowDefinition Load(string name) => EngineHarness.LoadScenario($"ElsaCorpus/output-mapping/{name}.json");

    // Elsa's b.json writes its output with C#, so C# is on here as a server would turn it on.
    private static EngineHarness Harness(params (string TypeName, string File)[] children) => new(
        activities: r => r.AddCSharpActivities(),
        services: s => s
            .AddSingleton<IWorkflowActivitySource>(new TestWorkflowActivities([.. children.Select(c => (c.TypeName, Load(c.File)))]))
            .AddKitchenWorkflowsCSharp().Configure<CSharpScriptOptions>(o => o.Enabled = true));
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Strategies;

/// <summary>Elsa's incident strategies: a fault either faults the instance (the default) or is recorded while every other path runs on.</summary>
public sealed class IncidentStrategyTests
{
    // Start1 → Fork1 ─A→ Fail1 → AfterFail1
    //                └B→ Write1
    private static JsonObject ForkWithAFailingBranch(string? incidentStrategyType)
    {
        var definition = Chain(
            Activity("Fork1", "Elsa.FlowFork", ("branches", Input("Literal", "[\"A\",\"B\"]", "String[]"))),
            Activity("Fail1", "Elsa.RunJavaScript", ("script", Input("Literal", "throw new Error('Склад не ответил')", "String"))),
            WriteLine("AfterFail1", "Literal", "after the fault"),
            WriteLine("Write1", "Literal", "other branch"));
        definition["root"]!["connections"] = new JsonArray(
            Connection("Start1", "Done", "Fork1"), Connection("Fork1", "A", "Fail1"), Connection("Fail1", "Done", "AfterFail1"), Connection("Fork1", "B", "Write1"));
        if (incidentStrategyType is not null)
        {
            definition["options"] = new JsonObject { ["incidentStrategyType"] = incidentStrategyType };
        }

        return definition;
    }

    [Fact]
    public async Task Run_ContinueWithIncidents_RunsTheOtherBranchAndFinishesWithTheIncident()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(ForkWithAFailingBranch("Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core").ToJsonString());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["other branch"], EngineHarness.Lines(result.Journal));
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("Fail1", incident.ActivityId);
        Assert.Null(result.State.FaultedActivityId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core")]
    public async Task Run_FaultStrategyOrNone_FaultsTheInstance(string? incidentStrategyType)
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(ForkWithAFailingBranch(incidentStrategyType).ToJsonString());

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("Fail1", result.State.FaultedActivityId);
        Assert.DoesNotContain("after the fault", EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Compile_UnknownStrategies_ReportTheirPaths()
    {
        await using var harness = new EngineHarness();
        var definition = ForkWithAFailingBranch("Elsa.Workflows.IncidentStrategies.IgnoreStrategy, Elsa.Workflows.Core");
        definition["options"]!["activationStrategyType"] = "Nobody";

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(definition.ToJsonString()));

        Assert.Equal(["$.options.activationStrategyType", "$.options.incidentStrategyType"], ex.Errors.Select(e => e.Path));
    }
}

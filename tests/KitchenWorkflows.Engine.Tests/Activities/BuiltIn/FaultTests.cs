using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class FaultTests
{
    [Fact]
    public async Task ExecuteAsync_CodeAndMessage_FaultsWithAnIncidentCarryingBoth()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fault", "Elsa.Fault", ("code", FlowBuilder.Literal("E42")), ("message", FlowBuilder.Js("'Contract ' + getInput('id') + ' not found'")))
            .Add("after", "Elsa.WriteLine", ("text", FlowBuilder.Literal("after")))
            .Chain("start", "fault")
            .Json;

        var result = await harness.RunAsync(json, new StartRequest { Input = new Dictionary<string, object?> { ["id"] = "K-1" } });

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("fault", incident.ActivityId);
        Assert.Equal("Elsa.Fault", incident.ActivityType);
        Assert.Equal("E42: Contract K-1 not found", incident.Message);
        Assert.Null(incident.ExceptionType);
        Assert.Equal("fault", result.State.FaultedActivityId);
        Assert.Equal(JournalEntryStatus.Faulted, result.Journal[^1].Status);
        Assert.Empty(EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task ExecuteAsync_MessageOnly_UsesTheMessageAsIs()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder().Add("fault", "Elsa.Fault", ("message", FlowBuilder.Literal("that went south"))).Json;

        var result = await harness.RunAsync(json);

        Assert.Equal("that went south", Assert.Single(result.State.Incidents).Message);
    }
}

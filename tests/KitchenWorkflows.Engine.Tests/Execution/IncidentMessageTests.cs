using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Execution;

/// <summary>An incident of a failure the engine knows says what is wrong in plain words, the exception's message beneath.</summary>
public sealed class IncidentMessageTests
{
    private static string DelayOf(string script) => new FlowBuilder()
        .Add("start", "Elsa.Start")
        .Add("wait", "Elsa.Delay", ("timeSpan", FlowBuilder.Js(script)))
        .Chain("start", "wait")
        .Json;

    [Fact]
    public async Task StartAsync_DelayTooLongForATimeSpan_SaysSoInFullDigitsWithTheConversionAsDetail()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(DelayOf("Math.pow(2, 63)"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.StartsWith("The time span of 9,223,372,036,854,7", incident.Message, StringComparison.Ordinal);
        Assert.Contains("seconds is longer than the longest there can be (10,675,199 days)", incident.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", incident.Message, StringComparison.Ordinal);
        Assert.Equal("The value '9.223372036854776E+18' cannot be read as TimeSpan.", incident.Detail);
    }

    [Fact]
    public async Task StartAsync_DelayThatIsNoTimeSpan_SaysHowToWriteOne()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(DelayOf("'five minutes'"));

        var incident = Assert.Single(result.State.Incidents);
        Assert.StartsWith("The value 'five minutes' is not a time span: give one such as 00:05:00", incident.Message, StringComparison.Ordinal);
        Assert.NotNull(incident.Detail);
    }

    [Fact]
    public async Task StartAsync_FailureTheEngineDoesNotKnow_KeepsTheExceptionMessageWithoutDetail()
    {
        await using var harness = new EngineHarness();

        var result = await harness.RunAsync(new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("say", "Elsa.WriteLine", ("text", FlowBuilder.Js("throw new Error('the script broke')")))
            .Chain("start", "say")
            .Json);

        var incident = Assert.Single(result.State.Incidents);
        Assert.Contains("the script broke", incident.Message, StringComparison.Ordinal);
        Assert.Null(incident.Detail);
    }
}

using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Instances;
using MudBlazor;

namespace KitchenWorkflows.Studio.Tests.Instances;

/// <summary>Retry says what the retry came to: a fault again is an error with its reason, not a green "Retried".</summary>
public sealed class RetryReportTests
{
    private static InstanceSummary Instance(string subStatus, params IncidentInfo[] incidents) =>
        new() { WorkflowInstanceId = "i", DefinitionId = "d", SubStatus = subStatus, Incidents = incidents };

    private static IncidentInfo Incident(string message, bool resolved) =>
        new("sms", "KitchenLab.SendSms", message, null, 1, DateTimeOffset.UnixEpoch, resolved);

    [Fact]
    public void Of_FaultedAgain_IsAnErrorWithTheNewIncidentsMessage()
    {
        var (text, severity) = RetryReport.Of(Instance("Faulted", Incident("old", resolved: true), Incident("The SMS gateway is not configured.", resolved: false)));

        Assert.Equal(Severity.Error, severity);
        Assert.Equal("Retried, and it faulted again: The SMS gateway is not configured.", text);
    }

    [Theory]
    [InlineData("Finished", "Retried: the instance ran to its end.")]
    [InlineData("Suspended", "Retried: the instance ran on and now waits (see Bookmarks).")]
    public void Of_RanOn_IsASuccessSayingWhereItIs(string subStatus, string expected)
    {
        var (text, severity) = RetryReport.Of(Instance(subStatus, Incident("old", resolved: true)));

        Assert.Equal(Severity.Success, severity);
        Assert.Equal(expected, text);
    }
}

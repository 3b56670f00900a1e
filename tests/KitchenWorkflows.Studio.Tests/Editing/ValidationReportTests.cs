using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class ValidationReportTests
{
    [Fact]
    public void From_ActivityInputPath_PlacesErrorOnActivityAndInput()
    {
        var report = ValidationReport.From(TestData.TwoStep(), Errors("$.root.activities[1].text.expression.value", "Unexpected token"));

        var error = Assert.Single(report.ActivityErrors);
        Assert.Equal(("write", "text"), (error.ActivityId, error.Input));
        Assert.Equal(["Unexpected token"], report.ForInput("write", "text"));
    }

    [Fact]
    public void From_ConnectionPortPath_PlacesErrorOnConnectionAndSourceActivity()
    {
        var report = ValidationReport.From(TestData.TwoStep(), Errors("$.root.connections[0].source.port", "'Start' has no outcome 'Nope'."));

        Assert.True(report.ConnectionErrors.ContainsKey(0));
        Assert.Contains("'Start' has no outcome 'Nope'.", Assert.Single(report.ForActivity("start")), StringComparison.Ordinal);
    }

    [Fact]
    public void From_PathOutsideActivities_GoesToGeneralErrors()
    {
        var report = ValidationReport.From(TestData.TwoStep(), Errors("$.root", "The flowchart has no start."));

        Assert.Equal("$.root", Assert.Single(report.GeneralErrors).Path);
        Assert.Empty(report.ActivityErrors);
    }

    [Fact]
    public void From_IndexBeyondActivities_GoesToGeneralErrors()
    {
        var report = ValidationReport.From(TestData.TwoStep(), Errors("$.root.activities[9].text", "gone"));

        Assert.Single(report.GeneralErrors);
    }

    private static Dictionary<string, string[]> Errors(string path, string message) => new() { [path] = [message] };
}

using Bunit;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Instances;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>An incident reads as what failed and what to do, on the activity's name; the exception is folded beneath.</summary>
public sealed class IncidentListTests : StudioTestContext
{
    private const string Explained = "The SMS gateway is not configured: set Sms__BaseUrl and Sms__Token, then Retry.";
    private const string Technical = "DataAnnotation validation failed for 'SmsOptions' members: 'Token' with the error: 'The Token field is required.'.";

    [Fact]
    public void Incident_WithDetail_ShowsTheMessageOnTheActivityNameAndFoldsTheDetail()
    {
        var definition = TestData.TwoStep();
        definition.Root.Activities[1].Metadata["displayText"] = "Отправить SMS";

        var list = Render<IncidentList>(p => p
            .Add(c => c.Incidents, [new IncidentInfo("write", "KitchenLab.SendSms", Explained, null, 1, DateTimeOffset.UnixEpoch, false, Technical)])
            .Add(c => c.Definition, definition));

        Assert.Equal(Explained, list.Find("[data-testid=incident-message]").TextContent);
        Assert.Contains("Отправить SMS", list.Find(".kw-incident__head").TextContent, StringComparison.Ordinal);
        var detail = list.Find("details[data-testid=incident-detail]");
        Assert.False(detail.HasAttribute("open"));
        Assert.Equal(Technical, detail.QuerySelector("pre")!.TextContent);
        Assert.DoesNotContain("DataAnnotation", list.Find("[data-testid=incident-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Incident_WithoutDetailOrException_HasNothingToFold()
    {
        var list = Render<IncidentList>(p => p
            .Add(c => c.Incidents, [new IncidentInfo("gone", "Elsa.WriteLine", "Unknown caller kind 'x'.", null, 2, DateTimeOffset.UnixEpoch, true)]));

        Assert.Empty(list.FindAll("[data-testid=incident-detail]"));
        Assert.Contains("gone", list.Find(".kw-incident__head").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 attempts · resolved by a retry", list.Find(".kw-incident__head").TextContent, StringComparison.Ordinal);
    }
}

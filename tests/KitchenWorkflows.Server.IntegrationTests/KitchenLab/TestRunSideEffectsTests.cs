using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// Test runs of the shipped hotline scripts against the real stand-ins: a stored test run (<c>execute</c> with
/// <c>dryRun</c>) and an in-memory one (<c>test-run</c>) send nothing to the SMS gateway or Usedesk and show what they
/// would have sent; the same call without <c>dryRun</c> does send.
/// </summary>
public sealed class TestRunSideEffectsTests(KitchenLabServer server) : KitchenLabProcessTestBase(server)
{
    private static readonly object ExistingCaller = new { callerKind = "existing", phone = "8 (916) 555-12-34" };

    [Fact]
    public async Task ExecuteDryRun_ExistingCaller_SendsNoSmsAndShowsTheOneItWouldHaveSent()
    {
        var smsBefore = Server.Sms.Requests.Count;

        var dry = await ExecuteAsync("contact-scheme-phone", new { input = ExistingCaller, dryRun = true });

        Assert.Equal("Finished", (string?)dry["subStatus"]);
        Assert.True((bool)dry["dryRun"]!);
        Assert.Equal(smsBefore, Server.Sms.Requests.Count);
        var withheld = Assert.Single(dry["withheldCalls"]!.AsArray())!;
        Assert.Equal(("SMS gateway", "send SMS", "+79165551234"), ((string?)withheld["system"], (string?)withheld["action"], (string?)withheld["details"]!["to"]));
        Assert.Equal((string?)Output(dry, "smsText"), (string?)withheld["details"]!["text"]);
        Assert.Equal((string?)dry["withheldCalls"]![0]!["details"]!["text"], (string?)(await GetInstanceAsync(InstanceId(dry)))["withheldCalls"]![0]!["details"]!["text"]);

        var real = await ExecuteAsync("contact-scheme-phone", new { input = ExistingCaller });

        Assert.Single(SentBy(Server.Sms, InstanceId(real)));
        Assert.Empty(real["withheldCalls"]!.AsArray());
    }

    [Fact]
    public async Task ExecuteDryRun_UsedeskEmailChannel_LeavesTheTicketUntouched()
    {
        var ticketId = Server.SeedClientTicket();

        var dry = await ExecuteAsync("contact-scheme-usedesk", new { input = new { channel = "email", ticketId }, dryRun = true });

        Assert.Equal("Finished", (string?)dry["subStatus"]);
        Assert.Empty(SentBy(Server.Usedesk, InstanceId(dry)));
        Assert.Equal(1L, Server.Usedesk.Tickets[ticketId].ChannelId);
        var withheld = Assert.Single(dry["withheldCalls"]!.AsArray())!;
        Assert.Equal(("Usedesk", ticketId, KitchenLabServer.KitchenLabChannelId), ((string?)withheld["system"], (long)withheld["details"]!["ticketId"]!, (long)withheld["details"]!["channelId"]!));
    }

    [Fact]
    public async Task TestRun_ExistingCaller_AnswersTheOutcomeStoresNothingAndSendsNothing()
    {
        var smsBefore = Server.Sms.Requests.Count;
        var instancesBefore = await CountInstancesAsync("contact-scheme-phone");

        var response = await Client.PostAsJsonAsync("/api/workflow-definitions/contact-scheme-phone/test-run", new { input = ExistingCaller });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Finished", (string?)outcome["status"]);
        Assert.Equal("send SMS", (string?)Assert.Single(outcome["withheldCalls"]!.AsArray())!["action"]);
        Assert.Contains("existing-sms", outcome["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(smsBefore, Server.Sms.Requests.Count);
        Assert.Equal(instancesBefore, await CountInstancesAsync("contact-scheme-phone"));
    }
}

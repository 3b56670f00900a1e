
namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// Process 1, the scheme in force since 2025-11-18, end to end: the shipped <c>contact-scheme-phone</c> and
/// <c>contact-scheme-usedesk</c> started over the HTTP API of the real server, and what the SMS gateway, Usedesk
/// and Naumen received.
/// </summary>
public sealed class CurrentContactSchemeTests(KitchenLabServer server) : KitchenLabProcessTestBase(server)
{
    // Word for word from the hotline article (the text inside its quotes).
    private const string ExistingClientScript =
        "Для дальнейшего решения вопроса напишите, пожалуйста, на официальную почту Kitchen Lab. Укажите номер договора и номер телефона для связи с вами. Ответственный менеджер все проверит и с вами свяжется";

    private const string MailboxScript =
        "Для дальнейшего решения вопроса напишите, пожалуйста, на официальную почту kitchen-lab@haieronline.ru. Укажите номер договора и номер телефона для связи с вами. Спасибо";

    [Fact]
    public async Task ExecutePhone_ExistingClient_SendsOneSmsWithTheMailboxAndNothingToNaumen()
    {
        var naumenBefore = Server.Naumen.Requests.Count;
        var body = new { input = new { callerKind = "existing", phone = "8 (916) 555-12-34" }, correlationId = "call-existing" };
        var key = NewId("call");

        var summary = await ExecuteWithKeyAsync("contact-scheme-phone", body, key);
        var again = await ExecuteWithKeyAsync("contact-scheme-phone", body, key);

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.Equal(2, (int)summary["definitionVersion"]!);
        Assert.Equal(ExistingClientScript, (string?)Output(summary, "script"));
        Assert.Equal(MailboxScript, (string?)Output(summary, "smsText"));
        Assert.False((bool)Output(summary, "registerInNaumen")!);
        Assert.Equal(InstanceId(summary), InstanceId(again));

        var id = InstanceId(summary);
        var sms = Assert.Single(SentBy(Server.Sms, id));
        Assert.Equal(("POST", "/messages"), (sms.Method, sms.Path));
        Assert.Equal($"{id}:existing-sms:1", sms.Header("Idempotency-Key"));
        Assert.Equal("Bearer " + SmsGatewayStandIn.Token, sms.Header("Authorization"));
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["text"] = JsonText(MailboxScript),
            ["to"] = "\"+79165551234\"",
        }, Body(sms));
        Assert.Equal(naumenBefore, Server.Naumen.Requests.Count);
    }

    [Theory]
    [InlineData("potential", null)]
    [InlineData("repeat", "no-answer")]
    [InlineData("repeat", "closing-question")]
    public async Task ExecutePhone_NotAnExistingClient_SendsNoSmsAndNothingToNaumen(string callerKind, string? repeatReason)
    {
        var smsBefore = Server.Sms.Requests.Count;
        var naumenBefore = Server.Naumen.Requests.Count;

        var summary = await ExecuteAsync("contact-scheme-phone", new { input = new { callerKind, repeatReason, phone = "+7 916 555-12-34" } });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.False((bool)Output(summary, "sendSms")!);
        Assert.Equal(smsBefore, Server.Sms.Requests.Count);
        Assert.Equal(naumenBefore, Server.Naumen.Requests.Count);
    }

    [Fact]
    public async Task ExecuteUsedesk_Email_MovesTheTicketToKitchenLabWithoutTouchingStatusOrReplying()
    {
        var ticketId = Server.SeedClientTicket();

        var summary = await ExecuteAsync("contact-scheme-usedesk", new { input = new { channel = "email", ticketId } });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        var id = InstanceId(summary);
        var move = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("POST", "/update/ticket"), (move.Method, move.Path));
        Assert.Equal($"{id}:email-move:1", move.Header("Idempotency-Key"));
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_token"] = JsonText(UsedeskStandIn.ApiToken),
            ["channel_id"] = Invariant(KitchenLabServer.KitchenLabChannelId),
            ["ticket_id"] = Invariant(ticketId),
            ["user_id"] = Invariant(KitchenLabServer.AgentUserId),
        }, Body(move));
        var ticket = Server.Usedesk.Tickets[ticketId];
        Assert.Equal((KitchenLabServer.KitchenLabChannelId, 1), (ticket.ChannelId, ticket.StatusId));
        Assert.Empty(ticket.Comments);
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("social")]
    public async Task DispatchUsedesk_ChatOrSocial_RepliesWithTheMailboxScriptAndLeavesTheTicketOpen(string channel)
    {
        var ticketId = Server.SeedClientTicket();

        var id = await DispatchAsync("contact-scheme-usedesk", new { input = new { channel, ticketId } });
        var summary = await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));

        Assert.Equal(MailboxScript, (string?)Output(summary, "script"));
        var reply = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("POST", "/create/comment"), (reply.Method, reply.Path));
        Assert.Equal($"{id}:{channel}-send:1", reply.Header("Idempotency-Key"));
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_token"] = JsonText(UsedeskStandIn.ApiToken),
            ["from"] = "\"user\"",
            ["message"] = JsonText(MailboxScript),
            ["ticket_id"] = Invariant(ticketId),
            ["type"] = "\"public\"",
            ["user_id"] = Invariant(KitchenLabServer.AgentUserId),
        }, Body(reply));
        var ticket = Server.Usedesk.Tickets[ticketId];
        Assert.Equal((1L, 1), (ticket.ChannelId, ticket.StatusId));
        Assert.Equal([("public", MailboxScript)], ticket.Comments);
    }
}


namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// Process 1b, the previous scheme, end to end: the shipped <c>contact-scheme-legacy</c> over the HTTP API, the
/// Naumen registration of a service call, and the Usedesk cycle (outgoing request or claim, the client's ticket
/// answered, the internal ticket on hold until the manager's answer arrives as <c>usedesk-answer</c>). The
/// 24-hour reminders are Hangfire timers; they are tested on a fake clock in the Kitchen Lab tests.
/// </summary>
public sealed class LegacyContactSchemeTests(KitchenLabServer server) : KitchenLabProcessTestBase(server)
{
    private const string Legacy = "contact-scheme-legacy";

    // Word for word from the article's previous scheme ("временно не используем").
    private const string PotentialClientScript =
        "Рекомендуем обращаться в магазин (Студия Haier Kitchen Lab) согласно карте - https://haieronline.ru/kitchen-lab/address/";

    private const string ServiceQuestionScript =
        "Уточняем адрес магазина, номер заказа/договора и фиксируем запрос из Naumen. Сообщаем клиенту, что передадим данные о заказе для проверки и контроля. Рекомендуем также обратиться клиенту в магазин приобретения.";

    private const string ClaimScript =
        "Рекомендуем воспользоваться формой обратной связи на сайте https://haieronline.ru - \"Напишите нам\"";

    private const string PassedToManagersReply =
        "Передал ваш запрос в работу ответственным менеджерам. Ожидайте, пожалуйста, от них обратной связи";

    private const string Summary = "Клиент просит уточнить срок доставки кухни, менеджер магазина не отвечает.";

    [Fact]
    public async Task ExecutePhone_ServiceQuestion_RegistersTheRequestInNaumenOnceWithTheCollectedData()
    {
        var smsBefore = Server.Sms.Requests.Count;
        var input = new { channel = "phone", topic = "service-question", storeAddress = "Москва, Ленинградский проспект, 31", contractNumber = "KL-2025-0815", summary = Summary };

        var summary = await ExecuteAsync(Legacy, new { input });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.Equal(ServiceQuestionScript, (string?)Output(summary, "script"));
        Assert.True((bool)Output(summary, "registerInNaumen")!);
        Assert.Equal("NAU-2026-000042", (string?)Output(summary, "naumenRequestId"));
        var id = InstanceId(summary);
        var registration = Assert.Single(SentBy(Server.Naumen, id));
        Assert.Equal(("POST", "/requests"), (registration.Method, registration.Path));
        Assert.Equal($"{id}:phone-service-register:1", registration.Header("Idempotency-Key"));
        Assert.Equal("Bearer " + NaumenStandIn.Token, registration.Header("Authorization"));
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["contractNumber"] = "\"KL-2025-0815\"",
            ["storeAddress"] = JsonText("Москва, Ленинградский проспект, 31"),
            ["summary"] = JsonText(Summary),
        }, Body(registration));
        Assert.Equal(smsBefore, Server.Sms.Requests.Count);
    }

    [Theory]
    [InlineData("potential-client", PotentialClientScript)]
    [InlineData("claim", ClaimScript)]
    public async Task ExecutePhone_PotentialClientOrClaim_GivesTheArticleScriptWithoutAnyOutsideCall(string topic, string script)
    {
        var before = (Server.Naumen.Requests.Count, Server.Sms.Requests.Count, Server.Usedesk.Requests.Count);

        var summary = await ExecuteAsync(Legacy, new { input = new { channel = "phone", topic } });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.Equal(script, (string?)Output(summary, "script"));
        Assert.False((bool)Output(summary, "registerInNaumen")!);
        Assert.Equal(before, (Server.Naumen.Requests.Count, Server.Sms.Requests.Count, Server.Usedesk.Requests.Count));
    }

    [Fact]
    public async Task ExecuteUsedesk_PotentialClientAccepted_RequestsTheManagerClosesTheClientTicketHoldsThenCompletesTheInternalOne()
    {
        var clientTicket = Server.SeedClientTicket();

        var summary = await ExecuteAsync(Legacy, new { input = new { channel = "usedesk", topic = "potential-client", ticketId = clientTicket, summary = Summary } });

        Assert.Equal("Suspended", (string?)summary["subStatus"]);
        var id = InstanceId(summary);
        var internalTicket = (long)Output(summary, "internalTicketId")!;
        Assert.NotEqual(clientTicket, internalTicket);
        Assert.Contains(summary["bookmarks"]!.AsArray(), b => (string?)b!["name"] == "usedesk-answer" && (string?)b["correlationId"] == Invariant(internalTicket));
        var sent = SentBy(Server.Usedesk, id);
        Assert.Equal(
            [("/create/ticket", $"{id}:usedesk-potential-request:1"), ("/create/comment", $"{id}:usedesk-reply:1"),
             ("/update/ticket", $"{id}:usedesk-reply:1:close"), ("/update/ticket", $"{id}:usedesk-hold:1")],
            sent.Select(r => (r.Path, r.Header("Idempotency-Key")!)));
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["additional_id"] = JsonText($"{id}:usedesk-potential-request:1"),
            ["api_token"] = JsonText(UsedeskStandIn.ApiToken),
            ["channel_id"] = Invariant(KitchenLabServer.KitchenLabChannelId),
            ["client_email"] = "\"tatyana.lyubetskaya@haierrussia.ru\"",
            ["from"] = "\"user\"",
            ["message"] = JsonText(Summary),
            ["subject"] = JsonText("Kitchen Lab: обращение потенциального клиента"),
            ["user_id"] = Invariant(KitchenLabServer.AgentUserId),
        }, Body(sent[0]));
        AssertClientTicketAnsweredAndClosed(sent, clientTicket);
        Assert.Equal(Invariant(internalTicket), Body(sent[3])["ticket_id"]);
        Assert.Equal("5", Body(sent[3])["status"]);

        var resumed = await PublishEventAsync("usedesk-answer", new { correlationId = Invariant(internalTicket), payload = new { accepted = true, comment = "Принят в работу" } });

        Assert.Equal([id], resumed);
        var finished = await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));
        Assert.Equal("accepted", (string?)Output(finished, "managerAnswer"));
        var done = SentBy(Server.Usedesk, id)[^1];
        Assert.Equal(("/update/ticket", $"{id}:usedesk-done:1"), (done.Path, done.Header("Idempotency-Key")));
        Assert.Equal((Invariant(internalTicket), "2"), (Body(done)["ticket_id"], Body(done)["status"]));
        Assert.Equal(5, SentBy(Server.Usedesk, id).Count);
        Assert.Equal((3, 2), (Server.Usedesk.Tickets[clientTicket].StatusId, Server.Usedesk.Tickets[internalTicket].StatusId));
    }

    [Fact]
    public async Task ExecuteUsedesk_ServiceQuestionRejected_CopiesTheSupervisorAndLeavesTheInternalTicketOnHold()
    {
        var clientTicket = Server.SeedClientTicket();

        var summary = await ExecuteAsync(Legacy, new { input = new { channel = "usedesk", topic = "service-question", ticketId = clientTicket, summary = Summary, contractNumber = "KL-2025-0815" } });

        var id = InstanceId(summary);
        var internalTicket = (long)Output(summary, "internalTicketId")!;
        var sent = SentBy(Server.Usedesk, id);
        Assert.Equal(["/create/ticket", "/create/comment", "/update/ticket", "/update/ticket"], sent.Select(r => r.Path));
        var request = Body(sent[0]);
        Assert.Equal("\"maksim.kotkov@haieronline.ru\"", request["client_email"]);
        Assert.Equal("[\"Evgeniya.Deeva@haierrussia.ru\"]", request["cc"]);
        Assert.Equal(JsonText("Kitchen Lab: сервисный вопрос действующего клиента"), request["subject"]);
        Assert.Equal(JsonText(Summary + "\nНомер заказа/договора: KL-2025-0815"), request["message"]);
        AssertClientTicketAnsweredAndClosed(sent, clientTicket);

        Assert.Equal([id], await PublishEventAsync("usedesk-answer", new { correlationId = Invariant(internalTicket), payload = new { accepted = false } }));

        var finished = await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));
        Assert.Equal("rejected", (string?)Output(finished, "managerAnswer"));
        Assert.Equal(4, SentBy(Server.Usedesk, id).Count);
        Assert.Equal(5, Server.Usedesk.Tickets[internalTicket].StatusId);
    }

    [Fact]
    public async Task ExecuteUsedesk_ClaimAccepted_HandsTheClientTicketToReclamationsAnswersWithoutClosingAndHoldsIt()
    {
        var clientTicket = Server.SeedClientTicket();

        var summary = await ExecuteAsync(Legacy, new { input = new { channel = "usedesk", topic = "claim", ticketId = clientTicket } });

        Assert.Equal("Suspended", (string?)summary["subStatus"]);
        var id = InstanceId(summary);
        Assert.Equal(clientTicket, (long)Output(summary, "internalTicketId")!);
        var sent = SentBy(Server.Usedesk, id);
        Assert.Equal(
            [("/update/ticket", $"{id}:usedesk-claim-mark:1"), ("/create/comment", $"{id}:usedesk-reply:1"), ("/update/ticket", $"{id}:usedesk-hold:1")],
            sent.Select(r => (r.Path, r.Header("Idempotency-Key")!)));
        Assert.Equal(ClaimMarkBody(clientTicket), Body(sent[0]));
        Assert.Equal(JsonText(PassedToManagersReply), Body(sent[1])["message"]);
        Assert.Equal("5", Body(sent[2])["status"]);

        Assert.Equal([id], await PublishEventAsync("usedesk-answer", new { correlationId = Invariant(clientTicket), payload = new { accepted = true } }));

        await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));
        var ticket = Server.Usedesk.Tickets[clientTicket];
        Assert.Equal((KitchenLabServer.KitchenLabChannelId, KitchenLabServer.ReclamationsGroupId, 2), (ticket.ChannelId, ticket.GroupId!.Value, ticket.StatusId));
        Assert.Equal("Официальная претензия", ticket.Fields[Invariant(KitchenLabServer.CategoryFieldId)]);
    }

    [Fact]
    public async Task ExecuteUsedesk_UnknownTopic_FaultsBeforeAnyOutsideCall()
    {
        var usedeskBefore = Server.Usedesk.Requests.Count;

        var summary = await ExecuteAsync(Legacy, new { input = new { channel = "usedesk", topic = "complaint", ticketId = Server.SeedClientTicket() } });

        Assert.Equal("Faulted", (string?)summary["subStatus"]);
        Assert.Equal("topic-unknown", (string?)summary["incidents"]![0]!["activityId"]);
        Assert.Equal(usedeskBefore, Server.Usedesk.Requests.Count);
    }

    private static void AssertClientTicketAnsweredAndClosed(List<RecordedRequest> sent, long clientTicket)
    {
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["api_token"] = JsonText(UsedeskStandIn.ApiToken),
            ["from"] = "\"user\"",
            ["message"] = JsonText(PassedToManagersReply),
            ["ticket_id"] = Invariant(clientTicket),
            ["type"] = "\"public\"",
            ["user_id"] = Invariant(KitchenLabServer.AgentUserId),
        }, Body(sent[1]));
        Assert.Equal((Invariant(clientTicket), "3"), (Body(sent[2])["ticket_id"], Body(sent[2])["status"]));
    }
}


namespace KitchenWorkflows.Server.IntegrationTests.KitchenLab;

/// <summary>
/// Process 2, end to end: the shipped <c>claim-intake</c> over the HTTP API. The warranty check routes the claim;
/// Usedesk receives an official claim or a Russian reply naming the exclusion; a claim for review waits for a
/// person's <c>claim-reviewed</c> event, correlated by the claim's correlation id.
/// </summary>
public sealed class ClaimIntakeTests(KitchenLabServer server) : KitchenLabProcessTestBase(server)
{
    private const string ClaimIntake = "claim-intake";
    private const string Contract = "KL-2024-0107";

    [Fact]
    public async Task ExecuteClaim_ManufacturingDefectInTime_MakesTheTicketAnOfficialClaimForReclamations()
    {
        var ticketId = Server.SeedClientTicket();

        var summary = await ExecuteAsync(ClaimIntake, new { input = Claim(ticketId, "facade", "manufacturing-defect", "Отслоилась плёнка на фасаде", "Кухню установила студия"), correlationId = NewId("claim") });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.Equal("official-claim", (string?)Output(summary, "status"));
        var verdict = Output(summary, "verdict")!;
        Assert.Equal(("covered", "additional", "2029-03-01"), ((string?)verdict["verdict"], (string?)verdict["part"], (string?)verdict["coverageEnds"]));
        Assert.Equal("Отслоилась плёнка на фасаде", (string?)Output(summary, "claim")!["defect"]);
        Assert.Equal("Кухню установила студия", (string?)Output(summary, "claim")!["installedBy"]);
        var id = InstanceId(summary);
        var mark = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("POST", "/update/ticket", $"{id}:covered-mark:1"), (mark.Method, mark.Path, mark.Header("Idempotency-Key")));
        Assert.Equal(ClaimMarkBody(ticketId), Body(mark));
        Assert.Empty(Server.Usedesk.Tickets[ticketId].Comments);
    }

    [Fact]
    public async Task ExecuteClaim_WorktopAfterTheBuyerInstalledTheSink_RepliesNamingTheExclusionAndMakesNoClaim()
    {
        var ticketId = Server.SeedClientTicket();

        var summary = await ExecuteAsync(ClaimIntake, new { input = Claim(ticketId, "worktop", "self-installed-sink", "Разбухла столешница у мойки", "Мойку установил покупатель") });

        Assert.Equal("Finished", (string?)summary["subStatus"]);
        Assert.Equal("not-covered", (string?)Output(summary, "status"));
        Assert.Equal("self-installed-sink", (string?)Output(summary, "verdict")!["exclusion"]);
        const string reply = "Ваша претензия по договору № KL-2024-0107 рассмотрена. Случай не гарантийный: гарантийные обязательства не распространяются "
            + "на модуль под мойкой и столешницу в случае, если мойка установлена покупателем самостоятельно.";
        Assert.Equal(reply, (string?)Output(summary, "reply"));
        var id = InstanceId(summary);
        var comment = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("/create/comment", $"{id}:not-covered-reply:1"), (comment.Path, comment.Header("Idempotency-Key")));
        Assert.Equal((JsonText(reply), "\"public\"", Invariant(ticketId)), (Body(comment)["message"], Body(comment)["type"], Body(comment)["ticket_id"]));
        var ticket = Server.Usedesk.Tickets[ticketId];
        Assert.Equal((1L, 1, (long?)null), (ticket.ChannelId, ticket.StatusId, ticket.GroupId));
    }

    [Fact]
    public async Task ExecuteClaim_UnknownCauseAccepted_WaitsForTheReviewThenMakesTheOfficialClaim()
    {
        var ticketId = Server.SeedClientTicket();
        var correlationId = NewId("claim");

        var summary = await ExecuteAsync(ClaimIntake, new { input = Claim(ticketId, "cabinet", "unknown", "Перекосилась дверца шкафа", "Кухню установила студия"), correlationId });

        Assert.Equal("Suspended", (string?)summary["subStatus"]);
        Assert.Equal("awaiting-review", (string?)Output(summary, "status"));
        Assert.Equal("review", (string?)Output(summary, "verdict")!["verdict"]);
        var id = InstanceId(summary);
        Assert.Empty(SentBy(Server.Usedesk, id));
        Assert.Empty(await PublishEventAsync("claim-reviewed", new { correlationId = NewId("other"), payload = new { decision = "accepted" } }));

        var resumed = await PublishEventAsync("claim-reviewed", new { correlationId, payload = new { decision = "accepted", reviewer = "Иванова А." } });

        Assert.Equal([id], resumed);
        var finished = await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));
        Assert.Equal("official-claim", (string?)Output(finished, "status"));
        Assert.Equal("Иванова А.", (string?)Output(finished, "review")!["reviewer"]);
        var mark = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("/update/ticket", $"{id}:accepted-mark:1"), (mark.Path, mark.Header("Idempotency-Key")));
        Assert.Equal((JsonText("Официальная претензия"), Invariant(KitchenLabServer.ReclamationsGroupId)), (Body(mark)["field_value"], Body(mark)["group_id"]));
    }

    [Fact]
    public async Task ExecuteClaim_ReviewWithoutCorrelationRejected_KeepsWaitingOnAMalformedDecisionThenRepliesWithTheReviewersReason()
    {
        var ticketId = Server.SeedClientTicket();

        var summary = await ExecuteAsync(ClaimIntake, new { input = Claim(ticketId, "cabinet", "self-installed-sink", "Трещина на боковой стенке", "Мойку установил покупатель") });

        var id = InstanceId(summary);
        Assert.Equal(id, (string?)summary["correlationId"]);
        Assert.Equal([id], await PublishEventAsync("claim-reviewed", new { correlationId = id, payload = new { decision = "maybe" } }));
        Assert.Equal("Suspended", (string?)(await GetInstanceAsync(id))["subStatus"]);
        Assert.Empty(SentBy(Server.Usedesk, id));

        Assert.Equal([id], await PublishEventAsync("claim-reviewed", new { correlationId = id, payload = new { decision = "rejected", reasonRu = "Повреждение механическое." } }));

        var finished = await WaitForInstanceAsync(id, i => HasSubStatus(i, "Finished"));
        const string reply = "Ваша претензия по договору № KL-2024-0107 рассмотрена. Случай не гарантийный. Повреждение механическое.";
        Assert.Equal(("rejected-on-review", reply), ((string?)Output(finished, "status"), (string?)Output(finished, "reply")));
        var comment = Assert.Single(SentBy(Server.Usedesk, id));
        Assert.Equal(("/create/comment", $"{id}:rejected-reply:1", JsonText(reply)), (comment.Path, comment.Header("Idempotency-Key"), Body(comment)["message"]));
        Assert.Equal(1, Server.Usedesk.Tickets[ticketId].StatusId);
    }

    private static object Claim(long clientTicketId, string itemCategory, string cause, string defect, string installedBy) => new
    {
        contractNumber = Contract,
        handoverDate = "2024-03-01",
        claimDate = "2026-11-24",
        itemCategory,
        defect,
        cause,
        installedBy,
        clientTicketId,
    };
}

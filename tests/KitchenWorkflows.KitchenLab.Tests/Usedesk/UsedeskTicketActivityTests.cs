using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Tests.Usedesk;

/// <summary>The Usedesk ticket activities through the engine against the Usedesk stand-in.</summary>
public sealed class UsedeskTicketActivityTests : IAsyncLifetime
{
    private const string HandedOverReply = "Передал ваш запрос в работу ответственным менеджерам. Ожидайте, пожалуйста, от них обратной связи";

    private readonly UsedeskStandIn _usedesk = new();

    public Task InitializeAsync() => _usedesk.StartAsync();

    public async Task DisposeAsync() => await _usedesk.DisposeAsync();

    [Fact]
    public async Task MoveTicketToChannel_ClientEmail_ChangesOnlyTheChannel()
    {
        _usedesk.Seed(4100, statusId: 8, channelId: 3);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var result = await harness.RunAsync(FlowBuilder.Single("move", "KitchenLab.MoveTicketToChannel", ("ticketId", FlowBuilder.Literal(4100))));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var request = Assert.Single(_usedesk.Requests);
        Assert.Equal(("POST", "/update/ticket"), (request.Method, request.Path));
        Assert.Equal($"{result.State.Id}:act:1", request.Header("Idempotency-Key"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["api_token"] = $"\"{UsedeskStandIn.ApiToken}\"",
            ["ticket_id"] = "4100",
            ["channel_id"] = "77",
            ["user_id"] = "545",
        }, request.JsonProperties());
        Assert.Equal((77L, 8), (_usedesk.Tickets[4100].ChannelId, _usedesk.Tickets[4100].StatusId));
    }

    [Fact]
    public async Task ReplyToTicket_CloseTicket_RepliesPubliclyInRussianThenCloses()
    {
        _usedesk.Seed(4200);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var result = await harness.RunAsync(FlowBuilder.Single("reply", "KitchenLab.ReplyToTicket",
            ("ticketId", FlowBuilder.Literal(4200)), ("text", FlowBuilder.Literal(HandedOverReply)), ("closeTicket", FlowBuilder.Literal(true))));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var requests = _usedesk.Requests.ToList();
        Assert.Equal(["/create/comment", "/update/ticket"], requests.Select(r => r.Path));
        var reply = requests[0];
        Assert.Contains(HandedOverReply, reply.Body, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["api_token"] = $"\"{UsedeskStandIn.ApiToken}\"",
            ["ticket_id"] = "4200",
            ["message"] = $"\"{HandedOverReply}\"",
            ["type"] = "\"public\"",
            ["from"] = "\"user\"",
            ["user_id"] = "545",
        }, reply.JsonProperties());
        Assert.Equal("3", requests[1].JsonProperties()["status"]);
        Assert.NotEqual(reply.Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
        Assert.Equal(3, _usedesk.Tickets[4200].StatusId);
        Assert.Equal(("public", HandedOverReply), Assert.Single(_usedesk.Tickets[4200].Comments));
    }

    [Fact]
    public async Task ReplyToTicket_WithoutClose_LeavesTheStatus()
    {
        _usedesk.Seed(4201, statusId: 1);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        await harness.RunAsync(FlowBuilder.Single("reply", "KitchenLab.ReplyToTicket", ("ticketId", FlowBuilder.Literal(4201)), ("text", FlowBuilder.Literal(HandedOverReply))));

        Assert.Equal("/create/comment", Assert.Single(_usedesk.Requests).Path);
        Assert.Equal(1, _usedesk.Tickets[4201].StatusId);
    }

    [Fact]
    public async Task CreateOutgoingRequest_ServiceQuestion_CreatesTicketInKitchenLabChannelWithCopyAndReturnsItsId()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var result = await harness.RunAsync(FlowBuilder.Single("outgoing", "KitchenLab.CreateOutgoingRequest",
            ("to", FlowBuilder.Literal("service.manager@haieronline.ru")),
            ("cc", FlowBuilder.Literal("supervisor@haierrussia.ru; second@haierrussia.ru")),
            ("subject", FlowBuilder.Literal("Kitchen Lab: сервисный вопрос")),
            ("body", FlowBuilder.Literal("Клиент просит уточнить дату доставки кухни по договору № 123."))));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var request = Assert.Single(_usedesk.Requests);
        Assert.Equal("/create/ticket", request.Path);
        var key = $"{result.State.Id}:act:1";
        Assert.Equal(key, request.Header("Idempotency-Key"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["api_token"] = $"\"{UsedeskStandIn.ApiToken}\"",
            ["channel_id"] = "77",
            ["subject"] = "\"Kitchen Lab: сервисный вопрос\"",
            ["message"] = "\"Клиент просит уточнить дату доставки кухни по договору № 123.\"",
            ["client_email"] = "\"service.manager@haieronline.ru\"",
            ["cc"] = "[\"supervisor@haierrussia.ru\",\"second@haierrussia.ru\"]",
            ["from"] = "\"user\"",
            ["user_id"] = "545",
            ["additional_id"] = $"\"{key}\"",
        }, request.JsonProperties());
        var created = Assert.Single(_usedesk.Tickets.Values);
        Assert.Equal(created.Id, result.State.ActivityOutputs["act"]);
        Assert.Equal(77, created.ChannelId);
    }

    [Theory]
    [InlineData("on-hold", 5)]
    [InlineData("Done", 9)]
    [InlineData("closed", 3)]
    public async Task SetTicketStatus_StatusName_SendsTheConfiguredId(string name, int expectedId)
    {
        _usedesk.Seed(4300);
        await using var harness = new KitchenLabHarness([.. KitchenLabHarness.UsedeskSettings(_usedesk), new("Usedesk:Statuses:Done", "9")]);

        var result = await harness.RunAsync(FlowBuilder.Single("status", "KitchenLab.SetTicketStatus",
            ("ticketId", FlowBuilder.Literal(4300)), ("status", FlowBuilder.Literal(name))));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var request = Assert.Single(_usedesk.Requests);
        Assert.Equal(["api_token", "ticket_id", "status", "user_id"], request.JsonProperties().Keys);
        Assert.Equal(expectedId, _usedesk.Tickets[4300].StatusId);
    }

    [Fact]
    public async Task SetTicketStatus_UnknownLiteralStatus_IsAValidationError()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var error = await Assert.ThrowsAsync<KitchenWorkflows.Engine.Validation.WorkflowDefinitionException>(() =>
            harness.RunAsync(FlowBuilder.Single("status", "KitchenLab.SetTicketStatus", ("ticketId", FlowBuilder.Literal(1)), ("status", FlowBuilder.Literal("archived")))));

        Assert.Contains("'archived' is not a status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkAsClaim_Ticket_SetsChannelCategoryAndGroupInOneUpdate()
    {
        _usedesk.Seed(4400, statusId: 1, channelId: 3);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var result = await harness.RunAsync(FlowBuilder.Single("claim", "KitchenLab.MarkAsClaim", ("ticketId", FlowBuilder.Literal("4400"))));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        var request = Assert.Single(_usedesk.Requests);
        Assert.Equal(new Dictionary<string, string>
        {
            ["api_token"] = $"\"{UsedeskStandIn.ApiToken}\"",
            ["ticket_id"] = "4400",
            ["channel_id"] = "77",
            ["group_id"] = "12",
            ["field_id"] = "501",
            ["field_value"] = "\"Официальная претензия\"",
            ["user_id"] = "545",
        }, request.JsonProperties());
        var ticket = _usedesk.Tickets[4400];
        Assert.Equal((77L, 12L, 1), (ticket.ChannelId, ticket.GroupId!.Value, ticket.StatusId));
        Assert.Equal("Официальная претензия", ticket.Fields["501"]);
    }

    [Fact]
    public async Task MoveTicketToChannel_UnknownTicket_FaultsWithoutRetry()
    {
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var result = await harness.RunAsync(FlowBuilder.Single("move", "KitchenLab.MoveTicketToChannel",
            ("ticketId", FlowBuilder.Literal(404)), FlowBuilder.Retry(maxAttempts: 5, initialDelaySeconds: 10)));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.Contains("Usedesk answered 404", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveTicketToChannel_WrongToken_FaultsWithUsedesksError()
    {
        _usedesk.Seed(4500);
        await using var harness = new KitchenLabHarness([.. KitchenLabHarness.UsedeskSettings(_usedesk), new("Usedesk:ApiToken", "wrong")]);

        var result = await harness.RunAsync(FlowBuilder.Single("move", "KitchenLab.MoveTicketToChannel", ("ticketId", FlowBuilder.Literal(4500))));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("Invalid api_token", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }
}

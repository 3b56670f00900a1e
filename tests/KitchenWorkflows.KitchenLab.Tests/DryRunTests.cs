using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Tests;

/// <summary>
/// A test run (<see cref="StartRequest.DryRun"/>) of a flow that calls every outside system Kitchen Lab has, against the
/// real stand-ins: nothing arrives at them, and the run records what would have been sent. The same flow run for real
/// reaches each of them, so the silence is the dry run's doing.
/// </summary>
public sealed class DryRunTests : IAsyncLifetime
{
    private const long TicketId = 4242;
    private const string SmsText = "Напишите, пожалуйста, на официальную почту kitchen-lab@haieronline.ru.";

    private readonly SmsGatewayStandIn _sms = new();
    private readonly UsedeskStandIn _usedesk = new();
    private readonly NaumenStandIn _naumen = new();
    private readonly SmtpStandIn _smtp = new();

    public async Task InitializeAsync()
    {
        await _sms.StartAsync();
        await _usedesk.StartAsync();
        await _naumen.StartAsync();
        _usedesk.Seed(TicketId);
    }

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _usedesk.DisposeAsync();
        await _naumen.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static FlowBuilder EveryOutsideCall() => new FlowBuilder("every-outside-call")
        .Add("sms", "KitchenLab.SendSms", ("phone", FlowBuilder.Literal("8 (916) 123-45-67")), ("text", FlowBuilder.Literal(SmsText)))
        .Add("email", "KitchenLab.SendEmail", ("to", FlowBuilder.Literal("manager@haieronline.ru")), ("subject", FlowBuilder.Literal("Претензия")), ("body", FlowBuilder.Literal("Договор KL-1")))
        .Add("naumen", "KitchenLab.RegisterInNaumen", ("storeAddress", FlowBuilder.Literal("Москва, Тверская 1")), ("contractNumber", FlowBuilder.Literal("KL-1")), ("summary", FlowBuilder.Literal("Скол")))
        .Add("move", "KitchenLab.MoveTicketToChannel", ("ticketId", FlowBuilder.Literal(TicketId)))
        .Add("status", "KitchenLab.SetTicketStatus", ("ticketId", FlowBuilder.Literal(TicketId)), ("status", FlowBuilder.Literal("pending")))
        .Add("claim", "KitchenLab.MarkAsClaim", ("ticketId", FlowBuilder.Literal(TicketId)))
        .Add("reply", "KitchenLab.ReplyToTicket", ("ticketId", FlowBuilder.Literal(TicketId)), ("text", FlowBuilder.Literal("Спасибо")), ("closeTicket", FlowBuilder.Literal(true)))
        .Add("create", "KitchenLab.CreateOutgoingRequest", ("to", FlowBuilder.Literal("client@example.ru")), ("subject", FlowBuilder.Literal("Ответ")), ("body", FlowBuilder.Literal("Текст")))
        .Chain("sms", "email", "naumen", "move", "status", "claim", "reply", "create");

    private KitchenLabHarness Harness() => new([
        .. KitchenLabHarness.SmsSettings(_sms), .. KitchenLabHarness.UsedeskSettings(_usedesk),
        .. KitchenLabHarness.NaumenSettings(_naumen), .. KitchenLabHarness.SmtpSettings(_smtp)]);

    [Fact]
    public async Task DryRun_EveryOutsideActivity_NothingArrivesAndEachCallIsRecorded()
    {
        await using var harness = Harness();

        var result = await harness.RunAsync(EveryOutsideCall(), new StartRequest { DryRun = true });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(_sms.Requests);
        Assert.Empty(_usedesk.Requests);
        Assert.Empty(_naumen.Requests);
        Assert.Empty(_smtp.Attempts);
        Assert.Equal(
        [
            ("sms", OutsideSystems.Sms, "send SMS"),
            ("email", OutsideSystems.Email, "send an e-mail"),
            ("naumen", OutsideSystems.Naumen, "register the claim"),
            ("move", OutsideSystems.Usedesk, "move the ticket to a channel"),
            ("status", OutsideSystems.Usedesk, "set the ticket status"),
            ("claim", OutsideSystems.Usedesk, "mark the ticket as a claim"),
            ("reply", OutsideSystems.Usedesk, "reply to the client"),
            ("reply", OutsideSystems.Usedesk, "close the ticket"),
            ("create", OutsideSystems.Usedesk, "create an outgoing request"),
        ], result.State.WithheldCalls!.Select(c => (c.ActivityId, c.System, c.Action)));
        var sms = result.State.WithheldCalls![0];
        Assert.Equal(new Dictionary<string, object?> { ["to"] = "+79161234567", ["text"] = SmsText }, sms.Details);
        Assert.Equal("manager@haieronline.ru", result.State.WithheldCalls[1].Details["to"]);
        Assert.Equal(OutsideSystems.DryRunTicketId, result.State.ActivityOutputs["create"]);
    }

    [Fact]
    public async Task DryRun_StateRoundTrip_StaysATestRunWithItsRecordedCalls()
    {
        await using var harness = Harness();

        var result = await harness.RunAsync(FlowBuilder.Single("one-sms", "KitchenLab.SendSms", ("phone", FlowBuilder.Literal("+79161234567")), ("text", FlowBuilder.Literal(SmsText))),
            new StartRequest { DryRun = true });
        var stored = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.Serialize(result.State));

        Assert.True(stored.DryRun);
        Assert.Equal(SmsText, Assert.Single(stored.WithheldCalls!).Details["text"]);
    }

    [Fact]
    public async Task RealRun_EveryOutsideActivity_EachStandInReceivesItsCalls()
    {
        await using var harness = Harness();

        var result = await harness.RunAsync(EveryOutsideCall());

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Single(_sms.Requests);
        Assert.Single(_smtp.Attempts);
        Assert.Single(_naumen.Requests);
        Assert.Equal(6, _usedesk.Requests.Count);
        // Nor does a real run's snapshot carry the test-run fields.
        Assert.Null(result.State.WithheldCalls);
        Assert.DoesNotContain("dryRun", System.Text.Encoding.UTF8.GetString(WorkflowStateSerializer.Serialize(result.State)), StringComparison.Ordinal);
    }
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Tests.Usedesk;

/// <summary>
/// The end of the article's previous scheme: the internal ticket goes on hold, a reminder is added every 24 hours
/// until a manager answers, and an accepted answer sets the ticket to "Выполнен".
/// </summary>
public sealed class AwaitManagerAnswerTests : IAsyncLifetime
{
    private const long TicketId = 5100;
    private const string Reminder = "Напоминание: запрос клиента Kitchen Lab ожидает ответа менеджера.";

    private readonly UsedeskStandIn _usedesk = new();

    public Task InitializeAsync() => _usedesk.StartAsync();

    public async Task DisposeAsync() => await _usedesk.DisposeAsync();

    // start → on hold → await answer (reminding) → Accepted: done / Rejected: open
    private static FlowBuilder Flow(params (string Name, System.Text.Json.Nodes.JsonNode? Value)[] awaitInputs) =>
        new FlowBuilder("await-answer")
            .Add("start", "Elsa.Start")
            .Add("hold", "KitchenLab.SetTicketStatus", ("ticketId", FlowBuilder.Literal(TicketId)), ("status", FlowBuilder.Literal("on-hold")))
            .Add("await", "KitchenLab.AwaitManagerAnswer", [("ticketId", FlowBuilder.Literal(TicketId)), ("reminderText", FlowBuilder.Literal(Reminder)), .. awaitInputs])
            .Add("done", "KitchenLab.SetTicketStatus", ("ticketId", FlowBuilder.Literal(TicketId)), ("status", FlowBuilder.Literal("done")))
            .Add("reopen", "KitchenLab.SetTicketStatus", ("ticketId", FlowBuilder.Literal(TicketId)), ("status", FlowBuilder.Literal("open")))
            .Connect("start", "hold")
            .Connect("hold", "await")
            .Connect("await", "done", "Accepted")
            .Connect("await", "reopen", "Rejected");

    private List<RecordedRequest> Comments() => [.. _usedesk.Requests.Where(r => r.Path == "/create/comment")];

    [Fact]
    public async Task AwaitManagerAnswer_NoAnswerForThreeDays_RemindsEvery24HoursUntilAcceptedThenDoneAndStops()
    {
        _usedesk.Seed(TicketId, statusId: 1);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));

        var started = await harness.RunAsync(Flow(), new StartRequest());
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        Assert.Equal(5, _usedesk.Tickets[TicketId].StatusId);

        await harness.AdvanceAsync(TimeSpan.FromHours(23));
        Assert.Empty(Comments());
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(Comments());
        await harness.AdvanceAsync(TimeSpan.FromHours(24));
        await harness.AdvanceAsync(TimeSpan.FromHours(24));

        var reminders = Comments();
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, r =>
        {
            Assert.Equal(Reminder, r.JsonString("message"));
            Assert.Equal("private", r.JsonString("type"));
            Assert.Equal(TicketId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.JsonString("ticket_id"));
        });
        Assert.Equal(3, reminders.Select(r => r.Header("Idempotency-Key")).Distinct().Count());
        Assert.Equal(3, _usedesk.Tickets[TicketId].Comments.Count(c => c.Type == "private"));

        var touched = await harness.Runtime.PublishEventAsync("usedesk-answer", "5100", new Dictionary<string, object?> { ["accepted"] = true, ["comment"] = "Принят в работу" });
        Assert.Equal([started.State.Id], touched);
        await harness.AdvanceAsync(TimeSpan.FromHours(24));
        await harness.AdvanceAsync(TimeSpan.FromHours(24));

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(3, Comments().Count);
        Assert.Equal(2, _usedesk.Tickets[TicketId].StatusId);
        Assert.Equal("/update/ticket", _usedesk.Requests.Last().Path);
        Assert.Equal("2", _usedesk.Requests.Last().JsonProperties()["status"]);
    }

    [Fact]
    public async Task AwaitManagerAnswer_AnswerNotAccepted_GoesOutThroughRejected()
    {
        _usedesk.Seed(TicketId, statusId: 1);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));
        var started = await harness.RunAsync(Flow());

        await harness.Runtime.PublishEventAsync("usedesk-answer", "5100", new Dictionary<string, object?> { ["accepted"] = false });

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal(1, _usedesk.Tickets[TicketId].StatusId);
        Assert.Empty(Comments());
        Assert.Equal(new Dictionary<string, object?> { ["accepted"] = false }, state.ActivityOutputs["await"]);
    }

    [Fact]
    public async Task AwaitManagerAnswer_AnswerForAnotherTicket_KeepsWaiting()
    {
        _usedesk.Seed(TicketId, statusId: 1);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));
        var started = await harness.RunAsync(Flow());

        Assert.Empty(await harness.Runtime.PublishEventAsync("usedesk-answer", "9999", new Dictionary<string, object?> { ["accepted"] = true }));

        var state = harness.Runtime.GetInstance(started.State.Id)!;
        Assert.Equal(WorkflowSubStatus.Suspended, state.SubStatus);
        Assert.Equal(2, state.Bookmarks.Count);
    }

    [Fact]
    public async Task AwaitManagerAnswer_ShorterInterval_RemindsAtThatInterval()
    {
        _usedesk.Seed(TicketId, statusId: 1);
        await using var harness = new KitchenLabHarness(KitchenLabHarness.UsedeskSettings(_usedesk));
        await harness.RunAsync(Flow(("reminderInterval", FlowBuilder.Literal("04:00:00"))));

        await harness.AdvanceAsync(TimeSpan.FromHours(4));
        await harness.AdvanceAsync(TimeSpan.FromHours(4));

        Assert.Equal(2, Comments().Count);
    }
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.KitchenLab;

namespace KitchenWorkflows.Engine.Tests.Workflows;

/// <summary>
/// <c>workflows/dismantling.json</c> on the real engine and a fake clock: the service centre's events move the task
/// through its tags, a passed deadline escalates and keeps the task waiting, and a report closes it only with the
/// serial number confirmed. The email notice is covered by the server's integration tests against a real SMTP listener.
/// </summary>
public sealed class DismantlingWorkflowTests : IAsyncDisposable
{
    private const string TaskId = "task-1";
    private readonly EngineHarness _harness = new(activities => activities.AddKitchenLabActivities());

    public DismantlingWorkflowTests() =>
        _harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "dismantling.json"))));

    [Fact]
    public async Task Start_ValidWriteOff_WaitsAssignedWithTheServiceCentreTag()
    {
        var state = await StartAsync();

        Assert.Equal(WorkflowSubStatus.Suspended, state.SubStatus);
        Assert.Equal(new Dictionary<string, string> { ["serviceCentreId"] = "asc-77", ["status"] = "assigned" }, state.Tags);
        Assert.Equal(["Elsa.Delay", "dismantle-rejected", "dismantle-scheduled"], state.Bookmarks.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.All(state.Bookmarks.Where(b => b.DueAt is null), b => Assert.Equal(TaskId, b.CorrelationId));
        Assert.Equal(_harness.Clock.GetUtcNow() + TimeSpan.FromDays(3), state.Bookmarks.Single(b => b.DueAt is not null).DueAt);
    }

    [Fact]
    public async Task Run_ScheduledThenReportedWithSerialConfirmed_FinishesDismantledWithTheReport()
    {
        var id = (await StartAsync()).Id;

        await PublishAsync("dismantle-scheduled", new Dictionary<string, object?> { ["visitDate"] = "2026-11-27" });
        var scheduled = Instance(id);
        Assert.Equal("scheduled", scheduled.Tags["status"]);
        Assert.Equal("2026-11-27", scheduled.Output["visitDate"]);
        Assert.Equal(["Elsa.Delay", "dismantle-rejected", "dismantle-reported"], scheduled.Bookmarks.Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal(_harness.Clock.GetUtcNow() + TimeSpan.FromDays(14), scheduled.Bookmarks.Single(b => b.DueAt is not null).DueAt);

        await PublishAsync("dismantle-reported", Report(serialNumberConfirmed: true));
        var done = Instance(id);

        Assert.Equal(WorkflowSubStatus.Finished, done.SubStatus);
        Assert.Equal("dismantled", done.Tags["status"]);
        Assert.Equal("dismantled", done.Output["status"]);
        var report = Assert.IsType<Dictionary<string, object?>>(done.Output["report"]);
        Assert.Equal(("2026-11-27", true, "damaged"), (report["dismantledOn"], report["serialNumberConfirmed"], report["condition"]));
        Assert.Empty(done.Bookmarks);
    }

    [Fact]
    public async Task Run_RejectedBeforeTheVisit_FinishesRejectedWithTheReason()
    {
        var id = (await StartAsync()).Id;

        await PublishAsync("dismantle-rejected", new Dictionary<string, object?> { ["reason"] = "Not our region" });
        var state = Instance(id);

        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal("rejected", state.Tags["status"]);
        Assert.Equal("Not our region", Assert.IsType<Dictionary<string, object?>>(state.Output["rejection"])["reason"]);
    }

    [Fact]
    public async Task Run_RejectedAfterTheVisitWasScheduled_FinishesRejected()
    {
        var id = (await StartAsync()).Id;
        await PublishAsync("dismantle-scheduled", new Dictionary<string, object?> { ["visitDate"] = "2026-11-27" });

        await PublishAsync("dismantle-rejected", new Dictionary<string, object?> { ["reason"] = "The client refused access" });

        Assert.Equal(("rejected", WorkflowSubStatus.Finished), (Instance(id).Tags["status"], Instance(id).SubStatus));
    }

    [Fact]
    public async Task Run_ScheduleDeadlinePassesTwice_EscalatesEachTimeAndKeepsWaiting()
    {
        var id = (await StartAsync(("scheduleWithin", "1.00:00:00"))).Id;

        await AdvanceAsync(TimeSpan.FromDays(1));
        var once = Instance(id);
        Assert.Equal(WorkflowSubStatus.Suspended, once.SubStatus);
        Assert.Equal("escalated", once.Tags["status"]);
        Assert.Equal(1, Convert.ToInt32(once.Variables["escalations"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Elsa.Delay", "dismantle-rejected", "dismantle-scheduled"], once.Bookmarks.Select(b => b.Name).Order(StringComparer.Ordinal));

        await AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(2, Convert.ToInt32(Instance(id).Variables["escalations"], System.Globalization.CultureInfo.InvariantCulture));
        var lines = EngineHarness.Lines(_harness.Runtime.GetJournal(id));
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Contains($"of task {TaskId}: АСЦ не назначил дату визита в течение 1.00:00:00.", line, StringComparison.Ordinal));

        await PublishAsync("dismantle-scheduled", new Dictionary<string, object?> { ["visitDate"] = "2026-11-30" });
        Assert.Equal("scheduled", Instance(id).Tags["status"]);
    }

    [Fact]
    public async Task Run_ReportDeadlinePasses_EscalatesAndStillTakesTheReport()
    {
        var id = (await StartAsync(("dismantleWithin", "2.00:00:00"))).Id;
        await PublishAsync("dismantle-scheduled", new Dictionary<string, object?> { ["visitDate"] = "2026-11-25" });

        await AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal("escalated", Instance(id).Tags["status"]);
        Assert.Contains("не прислал отчёт", EngineHarness.Lines(_harness.Runtime.GetJournal(id)).Single(), StringComparison.Ordinal);

        await PublishAsync("dismantle-reported", Report(serialNumberConfirmed: true));
        Assert.Equal(("dismantled", WorkflowSubStatus.Finished), (Instance(id).Tags["status"], Instance(id).SubStatus));
    }

    [Fact]
    public async Task Run_ReportWithoutSerialConfirmed_EscalatesAndWaitsForAnotherReport()
    {
        var id = (await StartAsync()).Id;
        await PublishAsync("dismantle-scheduled", new Dictionary<string, object?> { ["visitDate"] = "2026-11-25" });

        await PublishAsync("dismantle-reported", Report(serialNumberConfirmed: false));
        var waiting = Instance(id);
        Assert.Equal(WorkflowSubStatus.Suspended, waiting.SubStatus);
        Assert.Equal("escalated", waiting.Tags["status"]);
        Assert.False(waiting.Output.ContainsKey("report"));
        Assert.Contains("серийный номер", EngineHarness.Lines(_harness.Runtime.GetJournal(id)).Single(), StringComparison.Ordinal);

        await PublishAsync("dismantle-reported", Report(serialNumberConfirmed: true));
        Assert.Equal(("dismantled", WorkflowSubStatus.Finished), (Instance(id).Tags["status"], Instance(id).SubStatus));
    }

    [Fact]
    public async Task Start_WriteOffWithoutServiceCentreOrSerial_FaultsNamingTheMissingFields()
    {
        var result = await _harness.Runtime.StartAsync("dismantling", new StartRequest
        {
            CorrelationId = TaskId,
            Input = new Dictionary<string, object?> { ["writeOffId"] = "WO-1", ["appliance"] = new Dictionary<string, object?> { ["model"] = "HCX" } },
        });

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("InvalidWriteOff: The write-off lacks serviceCentreId, appliance.serialNumber.", Assert.Single(result.State.Incidents).Message);
        Assert.Empty(result.State.Tags);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static Dictionary<string, object?> Report(bool serialNumberConfirmed) => new()
    {
        ["dismantledOn"] = "2026-11-27",
        ["serialNumberConfirmed"] = serialNumberConfirmed,
        ["condition"] = "damaged",
        ["documentReferences"] = new List<object?> { "act-123.pdf" },
    };

    private async Task<WorkflowInstanceState> StartAsync(params (string Name, string Value)[] extra)
    {
        var input = new Dictionary<string, object?>
        {
            ["writeOffId"] = "WO-2026-0042",
            ["serviceCentreId"] = "asc-77",
            ["appliance"] = new Dictionary<string, object?> { ["model"] = "HCX-6CS4", ["serialNumber"] = "SN-00042" },
            ["clientAddress"] = "Москва, ул. Тверская, 1",
            ["contractNumber"] = "KL-2024-117",
            ["reason"] = "Beyond repair",
        };
        foreach (var (name, value) in extra)
        {
            input[name] = value;
        }

        return (await _harness.Runtime.StartAsync("dismantling", new StartRequest { CorrelationId = TaskId, Input = input })).State;
    }

    private async Task PublishAsync(string eventName, Dictionary<string, object?> payload)
    {
        Assert.Single(await _harness.Runtime.PublishEventAsync(eventName, TaskId, payload));
        await _harness.Runtime.WhenIdleAsync();
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        _harness.Clock.Advance(by);
        await _harness.Runtime.WhenIdleAsync();
    }

    private WorkflowInstanceState Instance(string id) => _harness.Runtime.GetInstance(id)!;
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.KitchenLab.Dismantling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Tests.Dismantling;

/// <summary>
/// <see cref="DismantlingService"/> on the shipped <c>workflows/dismantling.json</c>, the real engine and a fake clock:
/// a write-off becomes a task on the configured terms, idempotency keys are the centre's own, a centre finds and steps
/// only its own tasks, a step the task does not wait for is refused, and a missed delivery is tried again.
/// </summary>
public sealed class DismantlingServiceTests : IAsyncDisposable
{
    private const string Centre = "asc-77";
    private static readonly DateOnly VisitDate = new(2026, 11, 27);

    private readonly KitchenLabHarness _harness = new([]);
    private readonly InMemoryDismantlingInstances _instances;
    private readonly DismantlingService _service;

    public DismantlingServiceTests()
    {
        _harness.Runtime.Publish(WorkflowDefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "dismantling.json"))));
        _instances = new InMemoryDismantlingInstances(_harness.Runtime);
        _service = Service(_instances);
    }

    [Fact]
    public async Task Start_WriteOff_AssignsATaskOnTheConfiguredTerms()
    {
        var task = await _service.StartAsync(WriteOff(Centre, "WO-1"), idempotencyKey: null, CancellationToken.None);

        Assert.StartsWith("dt-", task.TaskId, StringComparison.Ordinal);
        Assert.Equal(("WO-1", Centre, "assigned"), (task.WriteOffId, task.ServiceCentreId, task.Status));
        Assert.Equal(new Dictionary<string, object?> { ["model"] = "HCX-6CS4", ["serialNumber"] = "SN-00042" }, task.Appliance);
        Assert.Equal(new DismantleDeadlines("3.00:00:00", "14.00:00:00", _harness.Clock.GetUtcNow() + TimeSpan.FromDays(3)), task.Deadlines);
        var read = await _service.GetAsync(Centre, task.TaskId, CancellationToken.None);
        Assert.Equal((task.TaskId, "assigned", task.Deadlines), (read!.TaskId, read.Status, read.Deadlines));
    }

    [Fact]
    public async Task Start_SameKeyTwice_ReturnsTheFirstTaskAndScopesTheKeyToTheCentre()
    {
        var first = await _service.StartAsync(WriteOff(Centre, "WO-1"), "key-1", CancellationToken.None);
        var repeat = await _service.StartAsync(WriteOff(Centre, "WO-1"), "key-1", CancellationToken.None);
        var otherCentre = await _service.StartAsync(WriteOff("asc-78", "WO-1"), "key-1", CancellationToken.None);

        Assert.Equal(first.TaskId, repeat.TaskId);
        Assert.NotEqual(first.TaskId, otherCentre.TaskId);
        Assert.Equal([$"{Centre}:key-1", $"{Centre}:key-1", "asc-78:key-1"], _instances.Keys);
        Assert.Single((await _service.ListAsync(Centre, null, 1, 50, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Steps_ScheduledThenReported_EndDismantledWithTheReport()
    {
        var taskId = (await StartAsync(Centre)).TaskId;

        var scheduled = await _service.ScheduleVisitAsync(Centre, taskId, VisitDate, CancellationToken.None);
        Assert.Equal((DismantleStepOutcome.Done, "scheduled", "2026-11-27"), (scheduled.Outcome, scheduled.Task!.Status, scheduled.Task.VisitDate));

        var reported = await _service.ReportAsync(Centre, taskId, new DismantlingReport(VisitDate, true, "Corroded", ["act-17.pdf"]), CancellationToken.None);

        Assert.Equal((DismantleStepOutcome.Done, "dismantled"), (reported.Outcome, reported.Task!.Status));
        var report = Assert.IsType<Dictionary<string, object?>>(reported.Task.Report);
        Assert.Equal(("2026-11-27", true, "Corroded"), (report["dismantledOn"], report["serialNumberConfirmed"], report["condition"]));
        Assert.Equal(["act-17.pdf"], Assert.IsType<List<object?>>(report["documentReferences"]));
        Assert.NotNull(reported.Task.FinishedAt);
    }

    [Fact]
    public async Task Steps_OnAnotherCentresTask_AreNotFoundAndLeaveItAlone()
    {
        var taskId = (await StartAsync(Centre)).TaskId;

        Assert.Null(await _service.GetAsync("asc-78", taskId, CancellationToken.None));
        Assert.Equal(new DismantleStepResult(DismantleStepOutcome.NotFound, null), await _service.RejectAsync("asc-78", taskId, "mine now", CancellationToken.None));
        Assert.Equal(new DismantleStepResult(DismantleStepOutcome.NotFound, null), await _service.ScheduleVisitAsync(Centre, "dt-no-such-task", VisitDate, CancellationToken.None));
        Assert.Equal("assigned", (await _service.GetAsync(Centre, taskId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Step_TheTaskDoesNotWaitFor_IsNotAwaitedWithTheTasksStatus()
    {
        var taskId = (await StartAsync(Centre)).TaskId;

        var early = await _service.ReportAsync(Centre, taskId, new DismantlingReport(VisitDate, true, "ok", ["act.pdf"]), CancellationToken.None);

        Assert.Equal((DismantleStepOutcome.NotAwaited, "assigned"), (early.Outcome, early.Task!.Status));
    }

    [Fact]
    public async Task Step_DeliveryMissedTwice_IsDeliveredOnTheThirdAttempt()
    {
        var taskId = (await StartAsync(Centre)).TaskId;
        var missing = new MissedDeliveries(_instances, misses: 2);

        var result = await Service(missing).RejectAsync(Centre, taskId, "Outside our area", CancellationToken.None);

        Assert.Equal((DismantleStepOutcome.Done, "rejected", 3), (result.Outcome, result.Task!.Status, missing.Deliveries));
    }

    [Fact]
    public async Task Step_DeliveryMissedEveryTime_GivesUpAfterThreeAttemptsAsKeptChanging()
    {
        var taskId = (await StartAsync(Centre)).TaskId;
        var missing = new MissedDeliveries(_instances, misses: int.MaxValue);

        var result = await Service(missing).RejectAsync(Centre, taskId, "Outside our area", CancellationToken.None);

        Assert.Equal((new DismantleStepResult(DismantleStepOutcome.KeptChanging, null), 3), (result, missing.Deliveries));
        Assert.Equal("assigned", (await _service.GetAsync(Centre, taskId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task List_TheCentresTasks_NewestFirstNarrowedByStatusAndPaged()
    {
        var older = (await StartAsync(Centre)).TaskId;
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = (await StartAsync(Centre)).TaskId;
        await StartAsync("asc-78");
        await _service.RejectAsync(Centre, older, "Outside our area", CancellationToken.None);

        var all = await _service.ListAsync(Centre, null, 1, 50, CancellationToken.None);
        var secondPage = await _service.ListAsync(Centre, null, 2, 1, CancellationToken.None);
        var rejected = await _service.ListAsync(Centre, "rejected", 1, 50, CancellationToken.None);

        Assert.Equal([newer, older], all.Items.Select(t => t.TaskId));
        Assert.Equal(2, all.TotalCount);
        Assert.Equal([older], secondPage.Items.Select(t => t.TaskId));
        Assert.Equal((2, 1, 2), (secondPage.Page, secondPage.PageSize, secondPage.TotalCount));
        Assert.Equal([older], rejected.Items.Select(t => t.TaskId));
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private DismantlingService Service(IDismantlingInstances instances) =>
        new(instances, _harness.Services.GetRequiredService<IOptions<DismantlingOptions>>());

    private Task<DismantleTask> StartAsync(string centre) =>
        _service.StartAsync(WriteOff(centre, "WO-1"), idempotencyKey: null, CancellationToken.None);

    private static WriteOff WriteOff(string centre, string writeOffId) =>
        new(writeOffId, centre, "HCX-6CS4", "SN-00042", "Moscow, Tverskaya 1", "KL-2026-001", "Beyond repair");
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Runtime;
using NSubstitute;
using static KitchenWorkflows.Server.IntegrationTests.Triggers.TriggerDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Triggers;

/// <summary>
/// What a publish asks of the scheduler that every node shares: exactly the schedules of the version now published,
/// in place of the previous version's; none, to remove them. Event triggers and triggers inside a flow are not scheduled.
/// </summary>
public abstract class TriggerSchedulingTests(TriggerSeamServer server) : ApiTestBase(server)
{
    private static readonly string Mornings = Trigger("mornings", "Elsa.Cron", "cronExpression", "0 9 * * 1-5");
    private static readonly string Often = Trigger("often", "Elsa.Timer", "interval", "00:10:00");
    private static readonly string Paid = Trigger("paid", "Elsa.Event", "eventName", "paid");

    [ProviderFact]
    public async Task Publish_CronAndTimerTriggers_AsksTheSchedulerForExactlyThoseSchedules()
    {
        var id = NewId("schedules");
        var inAFlow = Trigger("waits", "Elsa.Cron", "cronExpression", "30 * * * *", canStartWorkflow: false);
        await SaveAsync(Flow(id, Mornings, Often, Paid, inAFlow));

        await PublishAsync(id);

        await AssertScheduledOnceAsync(id, 1,
            new("mornings", TriggerSchedule.Cron("0 9 * * 1-5")),
            new("often", TriggerSchedule.Every(TimeSpan.FromMinutes(10))));
    }

    [ProviderFact]
    public async Task Republish_WithOtherSchedules_AsksTheSchedulerToReplaceThem()
    {
        var id = NewId("replaced");
        await SaveAsync(Flow(id, Mornings, Often));
        await PublishAsync(id);

        await SaveAsync(Flow(id, Trigger("evenings", "Elsa.Cron", "cronExpression", "0 18 * * *")));
        await PublishAsync(id);

        await server.Scheduler.Received(2).ScheduleTriggersAsync(id, Arg.Any<int>(), Arg.Any<IReadOnlyList<ScheduledTriggerInfo>>(), Arg.Any<CancellationToken>());
        await AssertScheduledAsync(id, 2, new ScheduledTriggerInfo("evenings", TriggerSchedule.Cron("0 18 * * *")));
    }

    [ProviderFact]
    public async Task Publish_AVersionWithoutScheduledTriggers_AsksTheSchedulerToClearThem()
    {
        var id = NewId("cleared");
        await SaveAsync(Flow(id, Mornings, Often));
        await PublishAsync(id);

        await SaveAsync(Flow(id, Paid));
        await PublishAsync(id);

        await AssertScheduledAsync(id, 2);
    }

    [ProviderFact]
    public async Task Save_WithoutPublishing_AsksTheSchedulerNothing()
    {
        var id = NewId("draft");

        await SaveAsync(Flow(id, Mornings, Often));

        await server.Scheduler.DidNotReceive().ScheduleTriggersAsync(id, Arg.Any<int>(), Arg.Any<IReadOnlyList<ScheduledTriggerInfo>>(), Arg.Any<CancellationToken>());
    }

    private async Task AssertScheduledOnceAsync(string definitionId, int version, params ScheduledTriggerInfo[] expected)
    {
        await server.Scheduler.Received(1).ScheduleTriggersAsync(definitionId, Arg.Any<int>(), Arg.Any<IReadOnlyList<ScheduledTriggerInfo>>(), Arg.Any<CancellationToken>());
        await AssertScheduledAsync(definitionId, version, expected);
    }

    private Task AssertScheduledAsync(string definitionId, int version, params ScheduledTriggerInfo[] expected) =>
        server.Scheduler.Received(1).ScheduleTriggersAsync(definitionId, version, Arg.Is<IReadOnlyList<ScheduledTriggerInfo>>(t => t.SequenceEqual(expected)), Arg.Any<CancellationToken>());

    public sealed class Sqlite(SqliteTriggerSeamServer server) : TriggerSchedulingTests(server), IClassFixture<SqliteTriggerSeamServer>;

    public sealed class PostgreSql(PostgreSqlTriggerSeamServer server) : TriggerSchedulingTests(server), IClassFixture<PostgreSqlTriggerSeamServer>;
}

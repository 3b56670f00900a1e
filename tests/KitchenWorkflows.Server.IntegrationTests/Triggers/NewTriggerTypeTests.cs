using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Runtime;
using NSubstitute;
using static KitchenWorkflows.Server.IntegrationTests.Triggers.TriggerDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Triggers;

/// <summary>
/// A trigger type the server does not ship is one class: its publish indexes the event it describes (so a delivery on
/// any node starts it) and hands its schedule to the scheduler, without the server knowing its type.
/// </summary>
public abstract class NewTriggerTypeTests(TriggerSeamServer server) : ApiTestBase(server)
{
    [ProviderFact]
    public async Task Publish_ANewTriggerType_ItsEventStartsAnInstanceAndItsScheduleIsScheduled()
    {
        var id = NewId("doorbell");
        var door = NewId("door");
        await SaveAsync(Flow(id, Trigger("bell", "Test.Doorbell", "door", door)));
        Assert.Empty(await PublishEventAsync("doorbell-" + door));

        await PublishAsync(id);
        var started = await PublishEventAsync("doorbell-" + door, new { payload = "ding" });

        var instance = await GetInstanceAsync(Assert.Single(started));
        Assert.Equal(id, (string?)instance["definitionId"]);
        Assert.Equal("Finished", (string?)instance["subStatus"]);
        Assert.Equal("ding", (string?)instance["output"]!["rang"]);
        await server.Scheduler.Received(1).ScheduleTriggersAsync(id, 1,
            Arg.Is<IReadOnlyList<ScheduledTriggerInfo>>(t => t.SequenceEqual(new[] { new ScheduledTriggerInfo("bell", TriggerSchedule.Cron(DoorbellTrigger.MorningCron)) })),
            Arg.Any<CancellationToken>());
    }

    public sealed class Sqlite(SqliteTriggerSeamServer server) : NewTriggerTypeTests(server), IClassFixture<SqliteTriggerSeamServer>;

    public sealed class PostgreSql(PostgreSqlTriggerSeamServer server) : NewTriggerTypeTests(server), IClassFixture<PostgreSqlTriggerSeamServer>;
}

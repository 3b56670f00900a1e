using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Activities.BuiltIn;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.KitchenLab;
using KitchenWorkflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace KitchenWorkflows.Server.IntegrationTests.Triggers;

/// <summary>
/// The real server with two changes: its scheduler is a substitute, so the tests read what a publish asks of it
/// (Hangfire's side of it is tested against the real scheduler elsewhere), and it knows one trigger type more than it
/// ships, the tests' <see cref="DoorbellTrigger"/>, registered as a new trigger type is: one class, nothing else.
/// </summary>
public abstract class TriggerSeamServer(StorageProvider provider) : ServerFixture(provider)
{
    public IWorkflowScheduler Scheduler { get; } = Substitute.For<IWorkflowScheduler>();

    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        ExtraServices = services =>
        {
            services.AddSingleton(Scheduler);
            services.AddSingleton(_ => BuiltInActivities.Register(new ActivityRegistry()).AddKitchenLabActivities().Register<DoorbellTrigger>());
        },
    };
}

public sealed class SqliteTriggerSeamServer() : TriggerSeamServer(StorageProvider.Sqlite);

public sealed class PostgreSqlTriggerSeamServer() : TriggerSeamServer(StorageProvider.PostgreSql), IPostgreSqlFixture;

/// <summary>A trigger type the server does not ship: listens for <c>doorbell-{door}</c>, and rings every morning at seven.</summary>
[Activity("Test.Doorbell", Description = "A trigger type of the tests.")]
public sealed class DoorbellTrigger : Activity, ITrigger
{
    public const string MorningCron = "0 7 * * *";

    [Input(Required = true)]
    public Input<string> Door { get; set; } = new();

    public TriggerDescription Describe() => new() { EventName = "doorbell-" + Door.Literal, Schedule = TriggerSchedule.Cron(MorningCron) };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.TryTakeTriggerPayload(out var payload))
        {
            context.SetWorkflowOutput("rang", payload);
        }

        return ValueTask.FromResult(ActivityResult.Done);
    }
}

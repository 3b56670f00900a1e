using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.Engine.Tests.Activities;

/// <summary>What the built-in triggers say they listen for, as a compiled workflow lists them.</summary>
public sealed class TriggerDescriptionTests
{
    [Fact]
    public async Task Triggers_OfLiteralInputs_DescribeTheirEventOrSchedule()
    {
        await using var harness = new EngineHarness();

        var workflow = harness.Compile(new FlowBuilder("described")
            .Add("paid", "Elsa.Event", ("eventName", FlowBuilder.Literal("Paid")), FlowBuilder.CanStartWorkflow)
            .Add("mornings", "Elsa.Cron", ("cronExpression", FlowBuilder.Literal("0 9 * * 1-5")), FlowBuilder.CanStartWorkflow)
            .Add("often", "Elsa.Timer", ("interval", FlowBuilder.Literal("00:10:00")), FlowBuilder.CanStartWorkflow)
            .Json);

        Assert.Equal(
            [
                new("paid", "Elsa.Event", new TriggerDescription { EventName = "Paid" }),
                new("mornings", "Elsa.Cron", new TriggerDescription { Schedule = TriggerSchedule.Cron("0 9 * * 1-5") }),
                new("often", "Elsa.Timer", new TriggerDescription { Schedule = TriggerSchedule.Every(TimeSpan.FromMinutes(10)) }),
            ],
            workflow.Triggers);
    }

    [Fact]
    public async Task Triggers_OfExpressionInputsOrNoInterval_ListenForNothing()
    {
        await using var harness = new EngineHarness();

        var workflow = harness.Compile(new FlowBuilder("undescribed")
            .Add("paid", "Elsa.Event", ("eventName", FlowBuilder.Js("'Pa' + 'id'")), FlowBuilder.CanStartWorkflow)
            .Add("mornings", "Elsa.Cron", ("cronExpression", FlowBuilder.Js("'0 9 * * *'")), FlowBuilder.CanStartWorkflow)
            .Add("never", "Elsa.Timer", ("interval", FlowBuilder.Literal("00:00:00")), FlowBuilder.CanStartWorkflow)
            .Json);

        Assert.Equal(3, workflow.Triggers.Count);
        Assert.All(workflow.Triggers, t => Assert.Same(TriggerDescription.Nothing, t.ListensFor));
    }

    [Fact]
    public async Task Triggers_NotMarkedCanStartWorkflow_AreNotTriggersOfTheWorkflow()
    {
        await using var harness = new EngineHarness();

        var workflow = harness.Compile(new FlowBuilder("waits")
            .Add("start", "Elsa.Start")
            .Add("paid", "Elsa.Event", ("eventName", FlowBuilder.Literal("Paid")))
            .Chain("start", "paid")
            .Json);

        Assert.Empty(workflow.Triggers);
    }

    [Fact]
    public void Descriptors_OfTriggerTypes_AreMarkedAsTriggers()
    {
        var registry = Engine.Activities.BuiltIn.BuiltInActivities.Register(new ActivityRegistry());

        var triggers = registry.Descriptors.Where(d => d.IsTrigger).Select(d => d.TypeName).Order(StringComparer.Ordinal);

        Assert.Equal(["Elsa.Cron", "Elsa.Event", "Elsa.HttpEndpoint", "Elsa.Timer"], triggers);
    }

    [Fact]
    public void Schedule_Cron_NextOccurrenceIsTheCronExpressionsInUtc()
    {
        var after = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero); // a Friday

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), TriggerSchedule.Cron("0 9 * * 1-5").GetNextOccurrence(after));
        Assert.Equal(after.AddMinutes(10), TriggerSchedule.Every(TimeSpan.FromMinutes(10)).GetNextOccurrence(after));
        Assert.Throws<ArgumentOutOfRangeException>(() => TriggerSchedule.Every(TimeSpan.Zero));
    }
}

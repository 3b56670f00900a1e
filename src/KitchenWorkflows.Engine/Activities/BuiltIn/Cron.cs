using Cronos;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Inside a flow, waits for the next occurrence of a cron schedule (UTC; five fields, or six with
/// seconds). As a trigger, the host starts a new instance at every occurrence.
/// </summary>
[Activity("Elsa.Cron", Category = "Scheduling", Description = "Wait for the next cron occurrence; as a trigger, start an instance on each.")]
public sealed class Cron : Activity, ITrigger
{
    /// <summary>The cron expression.</summary>
    [Input(Description = "A cron expression, such as 0 9 * * 1-5 (UTC).", Required = true)]
    public Input<string> CronExpression { get; set; } = new();

    /// <inheritdoc />
    public TriggerDescription Describe() =>
        CronExpression.IsLiteral && !string.IsNullOrEmpty(CronExpression.Literal)
            ? new TriggerDescription { Schedule = TriggerSchedule.Cron(CronExpression.Literal) }
            : TriggerDescription.Nothing;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.TryTakeTriggerPayload(out _))
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        var next = TriggerSchedule.ParseCron(context.Get(CronExpression) ?? "").GetNextOccurrence(context.Now, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException("The cron expression has no future occurrence.");
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(Node.Type, DueAt: next)));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (CronExpression.Expression is { } literal && Definitions.ExpressionTypes.IsLiteral(literal) && literal.Text.Length > 0)
        {
            string? problem = null;
            try
            {
                TriggerSchedule.ParseCron(literal.Text);
            }
            catch (CronFormatException ex)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                yield return ("cronExpression.expression.value", "The cron expression does not parse: " + problem);
            }
        }
    }
}

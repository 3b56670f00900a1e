namespace KitchenWorkflows.Engine.Activities;

/// <summary>A trigger that starts instances on a schedule (a timer interval, a cron expression).</summary>
public interface IScheduledTrigger
{
    /// <summary>The next time after <paramref name="after"/> an instance is due; null when never again.</summary>
    DateTimeOffset? GetNextOccurrence(DateTimeOffset after);
}

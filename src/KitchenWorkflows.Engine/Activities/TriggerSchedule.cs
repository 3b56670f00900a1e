using Cronos;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// When a scheduled trigger starts instances: at each occurrence of a cron expression (UTC), or every interval from
/// the moment its version is published. The two are kept apart because schedulers run them differently (Hangfire's
/// recurring jobs take cron only).
/// </summary>
public sealed record TriggerSchedule
{
    private TriggerSchedule(string? cronExpression, TimeSpan? interval)
    {
        CronExpression = cronExpression;
        Interval = interval;
    }

    /// <summary>The cron expression (five fields, or six with seconds); null for an interval.</summary>
    public string? CronExpression { get; }

    /// <summary>The interval; null for a cron schedule.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>At each occurrence of a cron expression.</summary>
    public static TriggerSchedule Cron(string expression) => new(expression ?? throw new ArgumentNullException(nameof(expression)), null);

    /// <summary>Every <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public static TriggerSchedule Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new(null, interval);
    }

    /// <summary>Parses a five- or six-field cron expression.</summary>
    /// <exception cref="CronFormatException">The expression does not parse.</exception>
    public static Cronos.CronExpression ParseCron(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return Cronos.CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    /// <summary>The next time after <paramref name="after"/> an instance is due; null when never again.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) =>
        CronExpression is { } cron ? ParseCron(cron).GetNextOccurrence(after, TimeZoneInfo.Utc) : after + Interval!.Value;
}

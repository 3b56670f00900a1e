namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// How a failing activity is retried: up to <see cref="MaxAttempts"/> executions in all, waiting
/// <see cref="InitialDelay"/> × <see cref="BackoffMultiplier"/>^(attempt-1), capped at <see cref="MaxDelay"/>.
/// Written in the definition as an activity's <c>retryPolicy</c> property.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Executions in all, the first one included; 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The factor applied to the wait after each failed retry.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait before attempt number <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var factor = Math.Pow(BackoffMultiplier, Math.Max(0, nextAttempt - 2));
        var ticks = InitialDelay.Ticks * factor;
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}

using Hangfire;
using Hangfire.Storage;
using KitchenWorkflows.Engine.Runtime;

namespace KitchenWorkflows.Scheduling;

/// <summary>The engine's scheduler on Hangfire: due-time bookmarks become scheduled jobs, cron schedules of triggers recurring jobs, intervals chains of scheduled jobs.</summary>
public sealed class HangfireWorkflowScheduler(IBackgroundJobClient jobs, IRecurringJobManager recurringJobs, JobStorage storage) : IWorkflowScheduler
{
    private const string TriggerJobPrefix = "trigger:";

    /// <inheritdoc />
    public Task ScheduleBookmarkAsync(string instanceId, string bookmarkId, DateTimeOffset dueAt, bool isRetry, CancellationToken cancellationToken = default)
    {
        dueAt = RoundUpToSecond(dueAt);
        if (isRetry)
        {
            jobs.Schedule<WorkflowJobs>(j => j.RetryActivityAsync(instanceId, bookmarkId, CancellationToken.None), dueAt);
        }
        else
        {
            jobs.Schedule<WorkflowJobs>(j => j.ResumeBookmarkAsync(instanceId, bookmarkId, CancellationToken.None), dueAt);
        }

        return Task.CompletedTask;
    }

    // Hangfire keeps due times as whole seconds, truncated, and starts a job once the truncated clock
    // reaches them: a job due at 12:00:01.9 would run at 12:00:01.0, and a one-second delay would end at
    // once. Rounding up to the next whole second makes the job never start before its bookmark is due.
    private static DateTimeOffset RoundUpToSecond(DateTimeOffset dueAt)
    {
        var partial = dueAt.Ticks % TimeSpan.TicksPerSecond;
        return partial == 0 ? dueAt : dueAt.AddTicks(TimeSpan.TicksPerSecond - partial);
    }

    /// <inheritdoc />
    public Task ScheduleTriggersAsync(string definitionId, int version, IReadOnlyList<ScheduledTriggerInfo> triggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var prefix = $"{TriggerJobPrefix}{definitionId}:";
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in triggers)
        {
            if (trigger.Schedule.CronExpression is { } cron)
            {
                var id = prefix + trigger.ActivityId;
                keep.Add(id);
                recurringJobs.AddOrUpdate<WorkflowJobs>(id, j => j.FireCronTriggerAsync(definitionId, trigger.ActivityId, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            }
            else if (trigger.Schedule.Interval is { } interval)
            {
                jobs.Schedule<WorkflowJobs>(j => j.FireTimerTriggerAsync(definitionId, trigger.ActivityId, version, interval, CancellationToken.None), interval);
            }
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(prefix, StringComparison.Ordinal) && !keep.Contains(j.Id)))
        {
            recurringJobs.RemoveIfExists(stale.Id);
        }

        return Task.CompletedTask;
    }
}

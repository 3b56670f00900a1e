using System.ComponentModel;
using Hangfire;
using KitchenWorkflows.Engine.Runtime;

namespace KitchenWorkflows.Scheduling;

/// <summary>
/// The Hangfire jobs. They carry ids only and are safe to repeat: each asks the host to do work that
/// checks it is still due (a consumed bookmark or an unpublished trigger is a no-op).
/// </summary>
public sealed class WorkflowJobs(IWorkflowBackgroundWork work, IBackgroundJobClient jobs)
{
    /// <summary>Resumes a delay, timer or cron bookmark when it is due.</summary>
    [DisplayName("Resume {1} of instance {0}")]
    [AutomaticRetry(Attempts = 5)]
    public Task ResumeBookmarkAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken) =>
        work.ResumeDueBookmarkAsync(instanceId, bookmarkId, cancellationToken);

    /// <summary>Runs the next attempt of a failed activity after its back-off.</summary>
    [DisplayName("Retry the failed activity of instance {0}")]
    [AutomaticRetry(Attempts = 5)]
    public Task RetryActivityAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken) =>
        work.ResumeDueBookmarkAsync(instanceId, bookmarkId, cancellationToken);

    /// <summary>Starts an instance from a cron trigger.</summary>
    [DisplayName("Cron trigger {1} of {0}")]
    [AutomaticRetry(Attempts = 3)]
    public Task FireCronTriggerAsync(string definitionId, string activityId, CancellationToken cancellationToken) =>
        work.FireTriggerAsync(definitionId, activityId, version: null, cancellationToken);

    /// <summary>Starts an instance from a timer trigger and schedules the next tick while that trigger stays published.</summary>
    /// <remarks>Hangfire's recurring jobs take cron only, so an interval is a chain of scheduled jobs tied to one published version.</remarks>
    [DisplayName("Timer trigger {1} of {0} v{2} every {3}")]
    [AutomaticRetry(Attempts = 3)]
    public async Task FireTimerTriggerAsync(string definitionId, string activityId, int version, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (await work.FireTriggerAsync(definitionId, activityId, version, cancellationToken))
        {
            jobs.Schedule<WorkflowJobs>(j => j.FireTimerTriggerAsync(definitionId, activityId, version, interval, CancellationToken.None), interval);
        }
    }

    /// <summary>Picks up work a dead process left behind.</summary>
    [DisplayName("Sweep: overdue bookmarks and abandoned instances")]
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) => work.SweepAsync(cancellationToken);
}

using System.ComponentModel;
using Hangfire;
using KitchenWorkflows.Persistence.Bulk;

namespace KitchenWorkflows.Server.Bulk;

/// <summary>The Hangfire job that works through a bulk plan (<see cref="BulkPlans"/>).</summary>
public sealed class BulkPlanJob(BulkPlans plans)
{
    /// <summary>Runs the plan to its end; a failed run is tried again, and starts where it stopped.</summary>
    [DisplayName("Bulk plan {0}")]
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(string planId, CancellationToken cancellationToken) => plans.RunAsync(planId, cancellationToken);

    /// <summary>Queues the plan's run.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, string planId) => jobs.Enqueue<BulkPlanJob>(j => j.RunAsync(planId, CancellationToken.None));

    /// <summary>At start-up: the plans a restart interrupted (this node's, or any not yet started) are queued again.</summary>
    public static async Task ResumeUnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        foreach (var planId in await services.GetRequiredService<BulkPlans>().ReleaseAndListUnfinishedAsync(cancellationToken))
        {
            Enqueue(jobs, planId);
        }
    }
}

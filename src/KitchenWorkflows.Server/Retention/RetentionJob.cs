using System.ComponentModel;
using Hangfire;
using KitchenWorkflows.Persistence.Retention;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Retention;

/// <summary>The Hangfire recurring job that deletes instances past their retention period (<see cref="RetentionOptions"/>).</summary>
public sealed class RetentionJob(InstanceRetention retention)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "kitchenworkflows:retention";

    /// <summary>Runs one retention pass.</summary>
    // One pass at a time across the nodes: a second would only find the first one's batches again. A pass that fails
    // is not retried: the next scheduled one starts where it stopped, since deleted rows are gone for good.
    [DisplayName("Retention: delete ended instances past their retention period")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);

    /// <summary>Adds, updates or (when retention is off) removes the recurring job.</summary>
    public static void Schedule(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        if (options.Enabled)
        {
            jobs.AddOrUpdate<RetentionJob>(Id, j => j.RunAsync(CancellationToken.None), options.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            jobs.RemoveIfExists(Id);
        }
    }
}

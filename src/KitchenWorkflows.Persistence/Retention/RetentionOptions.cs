using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Persistence.Retention;

/// <summary>
/// How long ended instances (finished, cancelled, faulted) are kept, and how their deletion is paced (section
/// <c>Retention</c>). A definition may keep its instances for a different period: <c>options.retentionPeriod</c>.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>Whether the retention job deletes anything; deletions by hand work either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after it ended an instance is kept, unless its definition says otherwise.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "36500.00:00:00")]
    public TimeSpan KeepEndedInstancesFor { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Instances deleted per transaction: small enough that live writes wait little behind one.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// The pause between two batches, in which live work has the writer to itself: a run deleting a million
    /// instances then takes a while, and the hotline does not notice it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>When the retention job runs (Hangfire cron, UTC).</summary>
    [Required]
    public string Cron { get; set; } = "17 * * * *";
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Scheduling;

/// <summary>The Hangfire server inside the workflow server. Bound from the <c>Hangfire</c> section.</summary>
public sealed class SchedulingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hangfire";

    /// <summary>Hangfire workers on this node.</summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often due scheduled jobs are moved to the queue; also how late a timer may fire.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cron schedule of the recovery sweep.</summary>
    [Required]
    public string SweepCron { get; set; } = "* * * * *";
}

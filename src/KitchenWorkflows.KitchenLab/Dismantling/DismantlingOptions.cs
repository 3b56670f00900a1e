using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>
/// Haier's terms for a service centre's dismantling, passed to every new <c>dismantling</c> instance; bound from the
/// <c>KitchenLab:Dismantling</c> section. Running instances keep the terms they started with.
/// </summary>
public sealed class DismantlingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "KitchenLab:Dismantling";

    /// <summary>How long the service centre has to schedule the visit, and again after each escalation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ScheduleWithin { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the service centre has, from scheduling, to report the dismantling, and again after each escalation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DismantleWithin { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Who gets escalation notices, such as kitchen-lab@haieronline.ru; empty: escalations are only journaled.</summary>
    public string? EscalationEmail { get; set; }
}

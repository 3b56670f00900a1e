using System.Diagnostics.Metrics;

namespace KitchenWorkflows.Persistence.Retention;

/// <summary>Counts deleted instances for <c>/metrics</c>, by why they went: retention, or a person.</summary>
public static class DeletionTelemetry
{
    /// <summary>The meter's name, to be added to the host's metrics.</summary>
    public const string MeterName = "KitchenWorkflows.Store";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Deleted = Meter.CreateCounter<long>(
        "kitchenworkflows.instances.deleted", unit: "{instance}", description: "Instances deleted with their journal, bookmarks and tags.");

    /// <summary>Counts <paramref name="count"/> deletions for <paramref name="reason"/>.</summary>
    public static void Record(long count, DeletionReason reason)
    {
        if (count > 0)
        {
            Deleted.Add(count, new KeyValuePair<string, object?>("reason", reason == DeletionReason.Retention ? "retention" : "manual"));
        }
    }
}

/// <summary>Why instances were deleted.</summary>
public enum DeletionReason
{
    /// <summary>Their retention period was over.</summary>
    Retention,

    /// <summary>A person (or an API client) deleted them.</summary>
    Manual,
}

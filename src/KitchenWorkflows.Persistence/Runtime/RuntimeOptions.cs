using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>How this node runs instances. Bound from the <c>Runtime</c> section.</summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Runtime";

    /// <summary>
    /// This node's name in instance leases. Stable across restarts of the same node, so that a restarted
    /// node takes its own leases back at once instead of waiting for them to lapse.
    /// </summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Background workers that run dispatched instances.</summary>
    [Range(1, 256)]
    public int DispatchWorkers { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How often the dispatch pool looks in the store for pending instances (other nodes' dispatches, recovered work).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node holds an instance while running it before another node may take it over (a dead node's work).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a caller waits for an instance another worker holds before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan LeaseWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Limits on one JavaScript evaluation or Liquid rendering, so that a runaway script or template cannot stall a worker
/// or take the machine's memory. Time, statements and memory apply to both; the array length to scripts, the item and
/// output limits to templates.
/// </summary>
public sealed class ScriptOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scripts";

    /// <summary>Wall-clock limit of one evaluation.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute.</summary>
    [Range(100, int.MaxValue)]
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Memory one evaluation may allocate, in bytes.</summary>
    [Range(1_000_000, long.MaxValue)]
    public long MemoryLimitBytes { get; set; } = 32_000_000;

    /// <summary>Call depth limit.</summary>
    [Range(16, 10_000)]
    public int RecursionLimit { get; set; } = 256;

    /// <summary>The longest array a script may make (<c>new Array(1e9)</c> would otherwise be allocated in one go).</summary>
    [Range(1_000, int.MaxValue)]
    public int MaxArrayLength { get; set; } = 1_000_000;

    /// <summary>
    /// Items one template operation may materialise: a range (<c>(1..1000000000)</c>), a <c>split</c>, a <c>concat</c>.
    /// Checked before the items are made, so a huge range costs nothing.
    /// </summary>
    [Range(1_000, int.MaxValue)]
    public int MaxTemplateItems { get; set; } = 100_000;

    /// <summary>Characters one template may render, and the longest string it may build (<c>append</c>, <c>capture</c>).</summary>
    [Range(1_000, int.MaxValue)]
    public int MaxTemplateOutputLength { get; set; } = 1_000_000;
}

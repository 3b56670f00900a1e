using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>Limits of the interpreter.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Engine";

    /// <summary>
    /// Activity executions one run may make before the instance faults: a loop without a wait would
    /// otherwise hold a worker for ever.
    /// </summary>
    [Range(10, int.MaxValue)]
    public int MaxActivityExecutionsPerRun { get; set; } = 10_000;

    /// <summary>
    /// Activity executions between two commits of a long run, where the host commits (see <see cref="RunCommit"/>): each
    /// commit writes a bounded journal and frees the store's writer for other instances in between.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ExecutionsPerCommit { get; set; } = 100;
}

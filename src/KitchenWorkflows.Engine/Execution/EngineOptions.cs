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
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// C# scripting (<c>Scripts:CSharp</c>). Off by default: a C# script runs with the server's own rights (files, network,
/// process) and Roslyn has no sandbox, so turn it on only where every workflow author is trusted with the server.
/// </summary>
public sealed class CSharpScriptOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scripts:CSharp";

    /// <summary>Whether definitions may use C# (<c>CSharp</c> expressions, <c>Elsa.RunCSharp</c>); when off they are refused at save.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How long one evaluation may run before its activity faults. The script itself cannot be stopped (.NET cannot abort
    /// a thread): it is told through its <c>CancellationToken</c> global and left to end on its own thread.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many scripts that overran their time limit may still be running before C# evaluations are refused, so that
    /// runaway loops take a few threads and not the whole pool.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxRunawayScripts { get; set; } = 4;

    /// <summary>How many compiled scripts are kept; a compiled script's code stays loaded for the life of the process.</summary>
    [Range(10, 100_000)]
    public int MaxCachedScripts { get; set; } = 2_000;
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Engine.Validation;

/// <summary>
/// How big a definition may be when it is saved, imported or published: a bound on what one request can make
/// the server parse, compile and store. The shipped workflows are far inside (the largest: 48 activities,
/// 57 connections, a 515-character script, 57 KB).
/// </summary>
public sealed class DefinitionLimits
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Limits";

    /// <summary>Activities in the flowchart.</summary>
    [Range(1, 100_000)]
    public int MaxActivities { get; set; } = 500;

    /// <summary>Connections in the flowchart.</summary>
    [Range(1, 100_000)]
    public int MaxConnections { get; set; } = 1_000;

    /// <summary>Characters in one input's expression (a script, a template, a literal).</summary>
    [Range(100, 10_000_000)]
    public int MaxExpressionLength { get; set; } = 20_000;

    /// <summary>UTF-8 bytes of the whole definition as stored.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxDefinitionBytes { get; set; } = 1_048_576;
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Limits on what one request may send (the <c>Limits</c> section, shared with the engine's <c>DefinitionLimits</c>).</summary>
internal sealed class RequestLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>The largest request body, in bytes; a larger one is answered 413 (a big definition is well under the default).</summary>
    [Range(1_024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How deep a JSON body may nest; deeper is answered 400.</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 64;
}

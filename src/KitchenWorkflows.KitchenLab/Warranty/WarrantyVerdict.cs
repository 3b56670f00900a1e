namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>What <see cref="WarrantyPolicy.Check"/> decided for a valid claim, and why.</summary>
public sealed record WarrantyVerdict
{
    /// <summary>Covered, not covered, or to be reviewed by a person.</summary>
    public required WarrantyOutcome Outcome { get; init; }

    /// <summary>
    /// The part of the warranty that covers the claim: set when <see cref="Outcome"/> is
    /// <see cref="WarrantyOutcome.Covered"/>, and for <see cref="WarrantyOutcome.Review"/> the part that
    /// would cover it if the reviewer accepts it; null when not covered.
    /// </summary>
    public WarrantyPart? Part { get; init; }

    /// <summary>The last day of the whole warranty: handover + 60 months, whatever the outcome.</summary>
    public required DateOnly CoverageEnds { get; init; }

    /// <summary>The exclusion that applies; null unless an exclusion made the claim not covered.</summary>
    public WarrantyExclusion? Exclusion { get; init; }

    /// <summary>Why, in English.</summary>
    public required string Reason { get; init; }

    /// <summary>Why, in Russian, for agents and customers.</summary>
    public required string ReasonRu { get; init; }
}

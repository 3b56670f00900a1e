namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>What the warranty check decided. Codes: <c>covered</c>, <c>not-covered</c>, <c>review</c>.</summary>
public enum WarrantyOutcome
{
    /// <summary>The warranty covers the claim.</summary>
    Covered,

    /// <summary>The warranty does not cover the claim: it had ended, or an exclusion applies.</summary>
    NotCovered,

    /// <summary>The policy cannot decide; a person reviews the claim.</summary>
    Review,
}

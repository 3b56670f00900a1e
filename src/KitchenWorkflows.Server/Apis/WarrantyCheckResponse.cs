namespace KitchenWorkflows.Server.Apis;

/// <summary>The answer of <c>POST /api/kitchen-lab/warranty-check</c>.</summary>
/// <param name="Verdict"><c>covered</c>, <c>not-covered</c> or <c>review</c>.</param>
/// <param name="Part"><c>factory</c> or <c>additional</c> when covered (or, for a review, if accepted); null otherwise.</param>
/// <param name="CoverageEnds">The last covered day: handover + 60 months.</param>
/// <param name="Exclusion">The exclusion code that made the claim not covered, or null.</param>
/// <param name="Reason">Why, in English.</param>
/// <param name="ReasonRu">Why, in Russian.</param>
public sealed record WarrantyCheckResponse(string Verdict, string? Part, DateOnly CoverageEnds, string? Exclusion, string Reason, string ReasonRu);

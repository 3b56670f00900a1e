namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// The body of <c>POST /api/kitchen-lab/warranty-check</c>. Every field is text so that a bad date or an
/// unknown code is answered with an error keyed by its field name, not by a JSON reader's path.
/// </summary>
/// <param name="HandoverDate">The handover date, yyyy-MM-dd; required.</param>
/// <param name="ClaimDate">The claim date, yyyy-MM-dd; today (UTC) when omitted.</param>
/// <param name="ItemCategory">An item category code, such as <c>worktop</c>.</param>
/// <param name="Cause">An exclusion code, <c>manufacturing-defect</c> or <c>unknown</c>.</param>
public sealed record WarrantyCheckRequest(string? HandoverDate, string? ClaimDate, string? ItemCategory, string? Cause);

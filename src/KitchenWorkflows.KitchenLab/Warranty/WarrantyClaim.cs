namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>A claim to check against the warranty; <see cref="WarrantyPolicy.Check"/> validates it.</summary>
/// <param name="HandoverDate">When the kitchen was handed over (installed) under the contract; the warranty runs from this day. Null when the caller does not know it, which makes the claim invalid.</param>
/// <param name="ClaimDate">The day the claim is made; the policy reads no clock, so the caller passes today's date for a claim made today.</param>
/// <param name="ItemCategory">What part of the kitchen the claim is about.</param>
/// <param name="Cause">The stated cause of the defect.</param>
public sealed record WarrantyClaim(DateOnly? HandoverDate, DateOnly ClaimDate, ItemCategory ItemCategory, ClaimCause Cause)
{
    /// <summary>The field name of <see cref="HandoverDate"/> in validation errors, as the API spells it.</summary>
    public const string HandoverDateField = "handoverDate";

    /// <summary>The field name of <see cref="ClaimDate"/> in validation errors, as the API spells it.</summary>
    public const string ClaimDateField = "claimDate";

    /// <summary>The field name of <see cref="ItemCategory"/> in validation errors, as the API spells it.</summary>
    public const string ItemCategoryField = "itemCategory";

    /// <summary>The field name of <see cref="Cause"/> in validation errors, as the API spells it.</summary>
    public const string CauseField = "cause";
}

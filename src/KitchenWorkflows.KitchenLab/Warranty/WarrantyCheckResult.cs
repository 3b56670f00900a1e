using System.Diagnostics.CodeAnalysis;

namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// The answer of <see cref="WarrantyPolicy.Check"/>: a <see cref="Verdict"/> for a valid claim, or
/// <see cref="Errors"/> keyed by field name for an invalid one. A bad claim is ordinary input, so it
/// is a value here rather than an exception.
/// </summary>
public sealed class WarrantyCheckResult
{
    private WarrantyCheckResult(WarrantyVerdict? verdict, IReadOnlyDictionary<string, string[]> errors)
    {
        Verdict = verdict;
        Errors = errors;
    }

    /// <summary>The verdict; null when the claim is invalid.</summary>
    public WarrantyVerdict? Verdict { get; }

    /// <summary>
    /// The problems, keyed by the field names of <see cref="WarrantyClaim"/> as the API spells them
    /// (<see cref="WarrantyClaim.HandoverDateField"/>, <see cref="WarrantyClaim.ClaimDateField"/>); empty when valid.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Whether the claim was valid and <see cref="Verdict"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Verdict))]
    public bool IsValid => Verdict is not null;

    /// <summary>A verdict for a valid claim.</summary>
    public static WarrantyCheckResult Valid(WarrantyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new(verdict, new Dictionary<string, string[]>());
    }

    /// <summary>The problems of an invalid claim.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static WarrantyCheckResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid claim needs at least one error.", nameof(errors));
        }

        return new(null, errors);
    }
}

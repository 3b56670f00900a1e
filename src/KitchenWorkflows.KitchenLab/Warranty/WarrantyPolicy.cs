using System.Globalization;

namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// The Kitchen Lab warranty: five years from handover, 24 months of factory warranty under the contract
/// followed by 36 months of additional warranty, less the article's twelve exclusions. Pure: it reads
/// no clock and no service, so the same claim always gets the same answer.
/// </summary>
/// <remarks>
/// <para>
/// Periods, with <c>h</c> the handover date and months added by <see cref="DateOnly.AddMonths"/>:
/// the factory part covers claims made on days in [h, h + 24 months] and the additional part in
/// (h + 24 months, h + 60 months]. Both ends are inclusive: a claim made on the boundary day itself is
/// covered, by the factory part on h + 24 months and by the additional part on h + 60 months; from
/// h + 60 months + 1 day the warranty has ended.
/// </para>
/// <para>
/// <see cref="DateOnly.AddMonths"/> keeps the day of the month and, when the target month is shorter,
/// uses its last day. Because 24 and 60 months are whole years only a 29 February handover is
/// affected: 2024-02-29 gives a factory end of 2026-02-28 and a coverage end of 2029-02-28, and a
/// 31 January handover (2023-01-31) ends on 2025-01-31 and 2028-01-31 as expected.
/// </para>
/// <para>
/// Order of the decision: a claim after the coverage end is not covered whatever its cause; else a
/// manufacturing defect is covered; an unknown cause goes to a person (an exclusion needs a stated
/// cause); an exclusion cause is not covered when the article's wording covers the item's category.
/// Only <see cref="ClaimCause.SelfInstalledSink"/> is limited to categories (the under-sink module and
/// the worktop); stated for any other item, it does not explain that item's defect, so a person
/// reviews the claim rather than the policy covering or rejecting it on a cause that does not fit.
/// </para>
/// </remarks>
public static class WarrantyPolicy
{
    /// <summary>The months of the factory warranty under the contract.</summary>
    public const int FactoryMonths = 24;

    /// <summary>The months of the additional warranty after the factory part.</summary>
    public const int AdditionalMonths = 36;

    /// <summary>The months of the whole warranty.</summary>
    public const int TotalMonths = FactoryMonths + AdditionalMonths;

    /// <summary>The last day the factory part covers: handover + 24 months.</summary>
    public static DateOnly FactoryEnds(DateOnly handoverDate) => handoverDate.AddMonths(FactoryMonths);

    /// <summary>The last day the warranty covers: handover + 60 months.</summary>
    public static DateOnly CoverageEnds(DateOnly handoverDate) => handoverDate.AddMonths(TotalMonths);

    /// <summary>The part of the warranty in force on a day; null before handover and after the coverage end.</summary>
    public static WarrantyPart? PartOn(DateOnly handoverDate, DateOnly day) =>
        day < handoverDate ? null
        : day <= FactoryEnds(handoverDate) ? WarrantyPart.Factory
        : day <= CoverageEnds(handoverDate) ? WarrantyPart.Additional
        : null;

    // The latest handover whose coverage end is still a date: a later one would overflow DateOnly.AddMonths.
    private static readonly DateOnly LatestHandover = DateOnly.MaxValue.AddMonths(-TotalMonths);

    /// <summary>Decides a claim, or says why it cannot be decided (see <see cref="ValidateDates"/>).</summary>
    /// <returns>A verdict, or errors keyed by field name.</returns>
    public static WarrantyCheckResult Check(WarrantyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var errors = ValidateDates(claim.HandoverDate, claim.ClaimDate);
        return claim.HandoverDate is { } handover && errors.Count == 0
            ? WarrantyCheckResult.Valid(Decide(claim, handover))
            : WarrantyCheckResult.Invalid(errors);
    }

    /// <summary>
    /// The problems of a claim's dates: a missing handover date, one so late that its coverage end is past the last
    /// date there is, or a handover date later than the claim
    /// date (a handover in the future, or a claim before handover). The latter is the pair disagreeing and
    /// either may be the wrong one, so it is reported under both field names.
    /// </summary>
    /// <returns>Errors keyed by <see cref="WarrantyClaim.HandoverDateField"/> and <see cref="WarrantyClaim.ClaimDateField"/>; empty when the dates are valid.</returns>
    public static IReadOnlyDictionary<string, string[]> ValidateDates(DateOnly? handoverDate, DateOnly claimDate)
    {
        if (handoverDate is not { } handover)
        {
            return new Dictionary<string, string[]>
            {
                [WarrantyClaim.HandoverDateField] = ["The handover date is required: the warranty runs from it."],
            };
        }

        if (handover > LatestHandover)
        {
            return new Dictionary<string, string[]>
            {
                [WarrantyClaim.HandoverDateField] = [$"The handover date {Iso(handover)} is out of range: the warranty ends {TotalMonths} months after it, which must be a date no later than {Iso(DateOnly.MaxValue)}."],
            };
        }

        if (handover > claimDate)
        {
            return new Dictionary<string, string[]>
            {
                [WarrantyClaim.HandoverDateField] = [$"The handover date {Iso(handover)} is in the future of the claim date {Iso(claimDate)}; the warranty starts at handover."],
                [WarrantyClaim.ClaimDateField] = [$"The claim date {Iso(claimDate)} is before the handover date {Iso(handover)}; a claim can only be checked from handover on."],
            };
        }

        return new Dictionary<string, string[]>();
    }

    private static WarrantyVerdict Decide(WarrantyClaim claim, DateOnly handover)
    {
        var ends = CoverageEnds(handover);
        if (PartOn(handover, claim.ClaimDate) is not { } part)
        {
            return new WarrantyVerdict
            {
                Outcome = WarrantyOutcome.NotCovered,
                CoverageEnds = ends,
                Reason = $"Not covered: the five-year warranty ended on {Iso(ends)}.",
                ReasonRu = $"Случай не гарантийный: срок гарантии (5 лет) истёк {Ru(ends)}.",
            };
        }

        if (claim.Cause == ClaimCause.ManufacturingDefect)
        {
            var partEnds = part == WarrantyPart.Factory ? FactoryEnds(handover) : ends;
            return new WarrantyVerdict
            {
                Outcome = WarrantyOutcome.Covered,
                Part = part,
                CoverageEnds = ends,
                Reason = part == WarrantyPart.Factory
                    ? $"Covered by the {FactoryMonths}-month factory warranty, which runs until {Iso(partEnds)}."
                    : $"Covered by the {AdditionalMonths}-month additional warranty, which runs until {Iso(partEnds)}.",
                ReasonRu = part == WarrantyPart.Factory
                    ? $"Случай гарантийный: действует заводская гарантия ({FactoryMonths} мес.) до {Ru(partEnds)} включительно."
                    : $"Случай гарантийный: действует дополнительная гарантия ({AdditionalMonths} мес.) до {Ru(partEnds)} включительно.",
            };
        }

        if (WarrantyExclusion.For(claim.Cause) is not { } exclusion)
        {
            return new WarrantyVerdict
            {
                Outcome = WarrantyOutcome.Review,
                Part = part,
                CoverageEnds = ends,
                Reason = "The cause is unknown: an exclusion needs a stated cause, so a person reviews the claim.",
                ReasonRu = "Причина неизвестна: исключение из гарантии применяется только к установленной причине, поэтому заявку рассматривает сотрудник.",
            };
        }

        if (!exclusion.AppliesTo(claim.ItemCategory))
        {
            return new WarrantyVerdict
            {
                Outcome = WarrantyOutcome.Review,
                Part = part,
                CoverageEnds = ends,
                Reason = $"The exclusion '{exclusion.Code}' applies only to {string.Join(" and ", exclusion.OnlyFor.Select(WarrantyCodes.ToCode))}, not to '{WarrantyCodes.ToCode(claim.ItemCategory)}', so a person reviews the claim.",
                ReasonRu = $"Исключение «{exclusion.LabelRu}» не относится к этой категории изделия, поэтому заявку рассматривает сотрудник.",
            };
        }

        return new WarrantyVerdict
        {
            Outcome = WarrantyOutcome.NotCovered,
            CoverageEnds = ends,
            Exclusion = exclusion,
            Reason = $"Not covered: the warranty does not cover {exclusion.LabelEn}.",
            ReasonRu = $"Случай не гарантийный: гарантийные обязательства не распространяются {exclusion.LabelRu}.",
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ru(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}

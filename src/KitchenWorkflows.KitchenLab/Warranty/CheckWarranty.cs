using System.Globalization;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// Checks a claim against the warranty (<see cref="WarrantyPolicy"/>) and continues through
/// <c>Covered</c>, <c>Not covered</c> or <c>Review</c>. Its result is the verdict as a plain object:
/// <c>verdict</c>, <c>part</c>, <c>coverageEnds</c> (yyyy-MM-dd), <c>exclusion</c>, <c>reason</c>,
/// <c>reasonRu</c>, with the API's kebab-case codes. An invalid claim (an unknown code, a missing
/// handover date, a handover after the claim date) faults the activity with the problems, so the
/// instance records an incident instead of guessing.
/// </summary>
[Activity("KitchenLab.CheckWarranty", Category = "Kitchen Lab", DisplayName = "Check Warranty",
    Description = "Decide whether the warranty covers a claim: covered, not covered, or review by a person.",
    Outcomes = [CoveredPort, NotCoveredPort, ReviewPort])]
public sealed class CheckWarranty : Activity
{
    /// <summary>The port of a covered claim.</summary>
    public const string CoveredPort = "Covered";

    /// <summary>The port of a claim the warranty does not cover.</summary>
    public const string NotCoveredPort = "Not covered";

    /// <summary>The port of a claim a person has to review.</summary>
    public const string ReviewPort = "Review";

    /// <summary>The day the kitchen was handed over.</summary>
    [Input(DisplayName = "Handover date", Description = "The day the kitchen was handed over (installed), yyyy-MM-dd; the warranty runs from it.", Required = true)]
    public Input<DateOnly?> HandoverDate { get; set; } = new();

    /// <summary>The day of the claim; empty means today by the workflow clock.</summary>
    [Input(DisplayName = "Claim date", Description = "The day of the claim, yyyy-MM-dd; empty means today (UTC) by the workflow clock.")]
    public Input<DateOnly?> ClaimDate { get; set; } = new();

    /// <summary>The item category code, such as <c>worktop</c>.</summary>
    [Input(DisplayName = "Item category", Description = "What part of the kitchen the claim is about.", Required = true,
        Options = ["cabinet", "facade", "worktop", "under-sink-module", "built-in-appliance", "fittings", "lighting", "electronics", "other"])]
    public Input<string> ItemCategory { get; set; } = new();

    /// <summary>The cause code, such as <c>moisture</c>, <c>manufacturing-defect</c> or <c>unknown</c>.</summary>
    [Input(DisplayName = "Cause", Description = "The stated cause: one of the twelve exclusions, manufacturing-defect, or unknown (goes to review).", Required = true,
        Options = ["manual-violation", "mechanical-damage", "moisture", "temperature", "maintenance-neglect", "destructive-testing", "third-party-appliance",
            "third-party-fittings", "non-standard-module", "self-installed-sink", "replaceable-lamp", "replaceable-battery", "manufacturing-defect", "unknown"])]
    public Input<string> Cause { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var category = context.Get(ItemCategory);
        var cause = context.Get(Cause);
        if (!WarrantyCodes.TryParse<ItemCategory>(category, out var itemCategory))
        {
            return Fault(UnknownCode<ItemCategory>(WarrantyClaim.ItemCategoryField, category));
        }

        if (!WarrantyCodes.TryParse<ClaimCause>(cause, out var claimCause))
        {
            return Fault(UnknownCode<ClaimCause>(WarrantyClaim.CauseField, cause));
        }

        // The claim date falls back to the workflow clock, not the system clock, so replays and tests agree.
        var claimDate = context.Get(ClaimDate) ?? DateOnly.FromDateTime(context.Now.UtcDateTime);
        var check = WarrantyPolicy.Check(new WarrantyClaim(context.Get(HandoverDate), claimDate, itemCategory, claimCause));
        if (!check.IsValid)
        {
            return Fault(string.Join(" ", check.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        var verdict = check.Verdict;
        context.SetResult(new Dictionary<string, object?>
        {
            ["verdict"] = WarrantyCodes.ToCode(verdict.Outcome),
            ["part"] = verdict.Part is { } part ? WarrantyCodes.ToCode(part) : null,
            ["coverageEnds"] = verdict.CoverageEnds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["exclusion"] = verdict.Exclusion?.Code,
            ["reason"] = verdict.Reason,
            ["reasonRu"] = verdict.ReasonRu,
        });
        return ValueTask.FromResult(ActivityResult.Complete(verdict.Outcome switch
        {
            WarrantyOutcome.Covered => CoveredPort,
            WarrantyOutcome.NotCovered => NotCoveredPort,
            _ => ReviewPort,
        }));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        // A literal code is known when the definition is saved, so a typo fails there rather than at run time.
        if (LiteralText(ItemCategory) is { } category && !WarrantyCodes.TryParse<ItemCategory>(category, out _))
        {
            yield return (WarrantyClaim.ItemCategoryField + ".expression.value", UnknownCode<ItemCategory>(WarrantyClaim.ItemCategoryField, category));
        }

        if (LiteralText(Cause) is { } cause && !WarrantyCodes.TryParse<ClaimCause>(cause, out _))
        {
            yield return (WarrantyClaim.CauseField + ".expression.value", UnknownCode<ClaimCause>(WarrantyClaim.CauseField, cause));
        }
    }

    private static string? LiteralText(Input<string> input) =>
        input.Expression is { } literal && ExpressionTypes.IsLiteral(literal) && literal.Text.Length > 0 ? literal.Text : null;

    private static string UnknownCode<TEnum>(string field, string? code)
        where TEnum : struct, Enum =>
        $"{field}: '{code}' is not one of {string.Join(", ", WarrantyCodes.All<TEnum>())}.";

    private static ValueTask<ActivityResult> Fault(string message) => ValueTask.FromResult(ActivityResult.Fault(message));
}

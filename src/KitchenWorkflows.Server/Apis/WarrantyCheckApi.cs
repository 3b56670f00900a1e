using System.Globalization;
using KitchenWorkflows.KitchenLab.Warranty;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Kitchen Lab: the warranty check of a claim.</summary>
internal static class WarrantyCheckApi
{
    public static void MapWarrantyCheckApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/kitchen-lab").WithTags("Kitchen Lab").RequireAuthorization(Policies.CheckWarranty)
            .MapPost("/warranty-check", Check).WithName("CheckWarranty")
            .WithSummary("Decide whether the warranty covers a claim: covered (factory or additional part), not covered (expired or an exclusion), or review by a person.")
            .WithDescription("A missing or unparseable date, a handover after the claim date, or an unknown itemCategory or cause is a 400 with errors keyed by field name. claimDate defaults to today (UTC).")
            .ProducesValidationProblem();
    }

    internal static Results<Ok<WarrantyCheckResponse>, ValidationProblem> Check(WarrantyCheckRequest? body, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        var handoverDate = ParseDate(body?.HandoverDate, WarrantyClaim.HandoverDateField, errors);
        var claimDate = ParseDate(body?.ClaimDate, WarrantyClaim.ClaimDateField, errors) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var itemCategory = ParseCode<ItemCategory>(body?.ItemCategory, WarrantyClaim.ItemCategoryField, errors);
        var cause = ParseCode<ClaimCause>(body?.Cause, WarrantyClaim.CauseField, errors);
        if (!errors.ContainsKey(WarrantyClaim.HandoverDateField) && !errors.ContainsKey(WarrantyClaim.ClaimDateField))
        {
            // The dates are judged even when a code is wrong, so one answer lists every problem.
            foreach (var (field, messages) in WarrantyPolicy.ValidateDates(handoverDate, claimDate))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The warranty claim is invalid.");
        }

        // The dates were validated above, so the check has a verdict.
        var verdict = WarrantyPolicy.Check(new WarrantyClaim(handoverDate, claimDate, itemCategory, cause)).Verdict!;
        return TypedResults.Ok(new WarrantyCheckResponse(
            WarrantyCodes.ToCode(verdict.Outcome),
            verdict.Part is { } part ? WarrantyCodes.ToCode(part) : null,
            verdict.CoverageEnds,
            verdict.Exclusion?.Code,
            verdict.Reason,
            verdict.ReasonRu));
    }

    // A missing date is null, not an error: the policy owns the rule that the handover date is required.
    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date in the form yyyy-MM-dd."];
        return null;
    }

    private static TEnum ParseCode<TEnum>(string? code, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (WarrantyCodes.TryParse<TEnum>(code, out var value))
        {
            return value;
        }

        errors[field] = [string.IsNullOrEmpty(code)
            ? $"The {field} is required; one of {string.Join(", ", WarrantyCodes.All<TEnum>())}."
            : $"'{code}' is not one of {string.Join(", ", WarrantyCodes.All<TEnum>())}."];
        return default;
    }
}

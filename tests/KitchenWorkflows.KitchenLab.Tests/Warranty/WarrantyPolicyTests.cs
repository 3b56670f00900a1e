using System.Globalization;
using KitchenWorkflows.KitchenLab.Warranty;

namespace KitchenWorkflows.KitchenLab.Tests.Warranty;

public sealed class WarrantyPolicyTests
{
    // Handover 2024-03-01: the factory part ends 2026-03-01, the whole warranty 2029-03-01.
    private const string Handover = "2024-03-01";
    private const string InFactoryPart = "2025-06-10";
    private const string InAdditionalPart = "2027-09-15";

    [Theory]
    [InlineData(ClaimCause.ManualViolation, ItemCategory.Cabinet, "manual-violation")]
    [InlineData(ClaimCause.MechanicalDamage, ItemCategory.Facade, "mechanical-damage")]
    [InlineData(ClaimCause.Moisture, ItemCategory.Cabinet, "moisture")]
    [InlineData(ClaimCause.Temperature, ItemCategory.Worktop, "temperature")]
    [InlineData(ClaimCause.MaintenanceNeglect, ItemCategory.Fittings, "maintenance-neglect")]
    [InlineData(ClaimCause.DestructiveTesting, ItemCategory.Facade, "destructive-testing")]
    [InlineData(ClaimCause.ThirdPartyAppliance, ItemCategory.BuiltInAppliance, "third-party-appliance")]
    [InlineData(ClaimCause.ThirdPartyFittings, ItemCategory.Fittings, "third-party-fittings")]
    [InlineData(ClaimCause.NonStandardModule, ItemCategory.Cabinet, "non-standard-module")]
    [InlineData(ClaimCause.SelfInstalledSink, ItemCategory.UnderSinkModule, "self-installed-sink")]
    [InlineData(ClaimCause.ReplaceableLamp, ItemCategory.Lighting, "replaceable-lamp")]
    [InlineData(ClaimCause.ReplaceableBattery, ItemCategory.Electronics, "replaceable-battery")]
    public void Check_ExclusionCauseInEitherPart_IsNotCoveredByThatExclusion(ClaimCause cause, ItemCategory category, string expectedCode)
    {
        foreach (var claimDate in new[] { InFactoryPart, InAdditionalPart })
        {
            var verdict = Verdict(Handover, claimDate, category, cause);

            Assert.Equal(WarrantyOutcome.NotCovered, verdict.Outcome);
            Assert.Equal(expectedCode, verdict.Exclusion?.Code);
            Assert.Null(verdict.Part);
            Assert.Equal(Date("2029-03-01"), verdict.CoverageEnds);
            Assert.Equal("Случай не гарантийный: гарантийные обязательства не распространяются " + verdict.Exclusion!.LabelRu + ".", verdict.ReasonRu);
            Assert.Contains(verdict.Exclusion.LabelEn, verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Handover, "2024-03-01", WarrantyOutcome.Covered, WarrantyPart.Factory)] // the handover day itself
    [InlineData(Handover, "2026-03-01", WarrantyOutcome.Covered, WarrantyPart.Factory)] // + 24 months exactly
    [InlineData(Handover, "2026-03-02", WarrantyOutcome.Covered, WarrantyPart.Additional)] // + 24 months + 1 day
    [InlineData(Handover, "2029-03-01", WarrantyOutcome.Covered, WarrantyPart.Additional)] // + 60 months exactly
    [InlineData(Handover, "2029-03-02", WarrantyOutcome.NotCovered, null)] // + 60 months + 1 day: ended
    [InlineData("2024-02-29", "2026-02-28", WarrantyOutcome.Covered, WarrantyPart.Factory)] // no 29 February in 2026: its last day
    [InlineData("2024-02-29", "2026-03-01", WarrantyOutcome.Covered, WarrantyPart.Additional)]
    [InlineData("2024-02-29", "2029-02-28", WarrantyOutcome.Covered, WarrantyPart.Additional)]
    [InlineData("2024-02-29", "2029-03-01", WarrantyOutcome.NotCovered, null)]
    [InlineData("2023-01-31", "2025-01-31", WarrantyOutcome.Covered, WarrantyPart.Factory)]
    [InlineData("2023-01-31", "2025-02-01", WarrantyOutcome.Covered, WarrantyPart.Additional)]
    [InlineData("2023-01-31", "2028-01-31", WarrantyOutcome.Covered, WarrantyPart.Additional)]
    [InlineData("2023-01-31", "2028-02-01", WarrantyOutcome.NotCovered, null)]
    public void Check_ManufacturingDefectAroundTheBoundaries_CoveredUpToAndIncludingEachBoundaryDay(string handover, string claimDate, WarrantyOutcome expectedOutcome, WarrantyPart? expectedPart)
    {
        var verdict = Verdict(handover, claimDate, ItemCategory.Cabinet, ClaimCause.ManufacturingDefect);

        Assert.Equal(expectedOutcome, verdict.Outcome);
        Assert.Equal(expectedPart, verdict.Part);
        Assert.Null(verdict.Exclusion);
    }

    [Theory]
    [InlineData(Handover, "2026-03-01", "2029-03-01")]
    [InlineData("2024-02-29", "2026-02-28", "2029-02-28")]
    [InlineData("2023-01-31", "2025-01-31", "2028-01-31")]
    [InlineData("2024-08-31", "2026-08-31", "2029-08-31")]
    public void FactoryEndsAndCoverageEnds_Handover_AreTwentyFourAndSixtyMonthsLater(string handover, string expectedFactoryEnds, string expectedCoverageEnds)
    {
        Assert.Equal(Date(expectedFactoryEnds), WarrantyPolicy.FactoryEnds(Date(handover)));
        Assert.Equal(Date(expectedCoverageEnds), WarrantyPolicy.CoverageEnds(Date(handover)));
        Assert.Equal(Date(expectedCoverageEnds), Verdict(handover, handover, ItemCategory.Other, ClaimCause.Unknown).CoverageEnds);
    }

    [Theory]
    [InlineData(InFactoryPart, WarrantyPart.Factory, "2026-03-01", "заводская гарантия (24 мес.) до 01.03.2026")]
    [InlineData(InAdditionalPart, WarrantyPart.Additional, "2029-03-01", "дополнительная гарантия (36 мес.) до 01.03.2029")]
    public void Check_ManufacturingDefect_IsCoveredByThePartInForceWithItsEndInTheReason(string claimDate, WarrantyPart expectedPart, string expectedEnd, string expectedRussian)
    {
        var verdict = Verdict(Handover, claimDate, ItemCategory.Facade, ClaimCause.ManufacturingDefect);

        Assert.Equal(WarrantyOutcome.Covered, verdict.Outcome);
        Assert.Equal(expectedPart, verdict.Part);
        Assert.Contains(expectedEnd, verdict.Reason, StringComparison.Ordinal);
        Assert.Contains(expectedRussian, verdict.ReasonRu, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClaimCause.ManufacturingDefect)]
    [InlineData(ClaimCause.Unknown)]
    [InlineData(ClaimCause.Moisture)]
    [InlineData(ClaimCause.SelfInstalledSink)]
    public void Check_AfterTheCoverageEnd_IsNotCoveredAsExpiredWhateverTheCause(ClaimCause cause)
    {
        var verdict = Verdict(Handover, "2029-03-02", ItemCategory.Cabinet, cause);

        Assert.Equal(WarrantyOutcome.NotCovered, verdict.Outcome);
        Assert.Null(verdict.Part);
        Assert.Null(verdict.Exclusion);
        Assert.Equal("Not covered: the five-year warranty ended on 2029-03-01.", verdict.Reason);
        Assert.Equal("Случай не гарантийный: срок гарантии (5 лет) истёк 01.03.2029.", verdict.ReasonRu);
    }

    [Theory]
    [InlineData(InFactoryPart, WarrantyPart.Factory)]
    [InlineData(InAdditionalPart, WarrantyPart.Additional)]
    public void Check_UnknownCause_GoesToReviewWithThePartInForce(string claimDate, WarrantyPart expectedPart)
    {
        var verdict = Verdict(Handover, claimDate, ItemCategory.Cabinet, ClaimCause.Unknown);

        Assert.Equal(WarrantyOutcome.Review, verdict.Outcome);
        Assert.Equal(expectedPart, verdict.Part);
        Assert.Null(verdict.Exclusion);
        Assert.Contains("unknown", verdict.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Причина неизвестна", verdict.ReasonRu, StringComparison.Ordinal);
    }

    public static TheoryData<ItemCategory, WarrantyOutcome> SelfInstalledSinkByCategory => new()
    {
        { ItemCategory.Worktop, WarrantyOutcome.NotCovered },
        { ItemCategory.UnderSinkModule, WarrantyOutcome.NotCovered },
        { ItemCategory.Cabinet, WarrantyOutcome.Review },
        { ItemCategory.Facade, WarrantyOutcome.Review },
        { ItemCategory.BuiltInAppliance, WarrantyOutcome.Review },
        { ItemCategory.Fittings, WarrantyOutcome.Review },
        { ItemCategory.Lighting, WarrantyOutcome.Review },
        { ItemCategory.Electronics, WarrantyOutcome.Review },
        { ItemCategory.Other, WarrantyOutcome.Review },
    };

    [Theory]
    [MemberData(nameof(SelfInstalledSinkByCategory))]
    public void Check_SelfInstalledSink_ExcludesOnlyTheWorktopAndTheUnderSinkModuleAndSendsOthersToReview(ItemCategory category, WarrantyOutcome expected)
    {
        var verdict = Verdict(Handover, InFactoryPart, category, ClaimCause.SelfInstalledSink);

        Assert.Equal(expected, verdict.Outcome);
        if (expected == WarrantyOutcome.NotCovered)
        {
            Assert.Equal("self-installed-sink", verdict.Exclusion?.Code);
            Assert.Null(verdict.Part);
        }
        else
        {
            Assert.Null(verdict.Exclusion);
            Assert.Equal(WarrantyPart.Factory, verdict.Part);
            Assert.Contains($"not to '{WarrantyCodes.ToCode(category)}'", verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_MissingHandoverDate_IsInvalidUnderHandoverDateOnly()
    {
        var result = WarrantyPolicy.Check(new WarrantyClaim(null, Date("2026-11-24"), ItemCategory.Cabinet, ClaimCause.ManufacturingDefect));

        Assert.False(result.IsValid);
        Assert.Null(result.Verdict);
        var error = Assert.Single(result.Errors);
        Assert.Equal("handoverDate", error.Key);
        Assert.Equal(["The handover date is required: the warranty runs from it."], error.Value);
    }

    [Theory]
    [InlineData("2026-11-25", "2026-11-24")] // a handover tomorrow, for a claim made today
    [InlineData("2024-03-01", "2023-12-31")] // a claim dated before the handover
    public void Check_HandoverAfterTheClaimDate_IsInvalidUnderBothDateFields(string handover, string claimDate)
    {
        var result = WarrantyPolicy.Check(new WarrantyClaim(Date(handover), Date(claimDate), ItemCategory.Cabinet, ClaimCause.ManufacturingDefect));

        Assert.False(result.IsValid);
        Assert.Equal(["claimDate", "handoverDate"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"The handover date {handover} is in the future of the claim date {claimDate}; the warranty starts at handover.", Assert.Single(result.Errors["handoverDate"]));
        Assert.Equal($"The claim date {claimDate} is before the handover date {handover}; a claim can only be checked from handover on.", Assert.Single(result.Errors["claimDate"]));
    }

    [Fact]
    public void Check_HandoverSoLateItsCoverageEndIsNoDate_IsAnErrorNotAnOverflow()
    {
        var result = WarrantyPolicy.Check(new WarrantyClaim(Date("9999-12-31"), Date("9999-12-31"), ItemCategory.Cabinet, ClaimCause.ManufacturingDefect));

        Assert.False(result.IsValid);
        Assert.Equal(
            "The handover date 9999-12-31 is out of range: the warranty ends 60 months after it, which must be a date no later than 9999-12-31.",
            Assert.Single(result.Errors["handoverDate"]));
    }

    [Fact]
    public void Check_LatestHandoverWhoseCoverageEndIsADate_IsDecided()
    {
        var verdict = Verdict("9994-12-31", "9999-12-31", ItemCategory.Cabinet, ClaimCause.ManufacturingDefect);

        Assert.Equal(WarrantyPart.Additional, verdict.Part);
    }

    [Fact]
    public void Check_ValidClaim_HasNoErrors()
    {
        var result = WarrantyPolicy.Check(new WarrantyClaim(Date(Handover), Date(Handover), ItemCategory.Cabinet, ClaimCause.ManufacturingDefect));

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
    }

    private static WarrantyVerdict Verdict(string handover, string claimDate, ItemCategory category, ClaimCause cause)
    {
        var result = WarrantyPolicy.Check(new WarrantyClaim(Date(handover), Date(claimDate), category, cause));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return result.Verdict;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

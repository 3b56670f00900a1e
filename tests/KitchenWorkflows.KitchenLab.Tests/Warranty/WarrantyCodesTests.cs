using KitchenWorkflows.KitchenLab.Warranty;

namespace KitchenWorkflows.KitchenLab.Tests.Warranty;

public sealed class WarrantyCodesTests
{
    [Fact]
    public void All_ItemCategory_AreTheApiCodesInOrder()
    {
        Assert.Equal(["cabinet", "facade", "worktop", "under-sink-module", "built-in-appliance", "fittings", "lighting", "electronics", "other"], WarrantyCodes.All<ItemCategory>());
    }

    [Fact]
    public void All_ClaimCause_AreTheTwelveExclusionsThenManufacturingDefectAndUnknown()
    {
        Assert.Equal(
            ["manual-violation", "mechanical-damage", "moisture", "temperature", "maintenance-neglect", "destructive-testing", "third-party-appliance",
             "third-party-fittings", "non-standard-module", "self-installed-sink", "replaceable-lamp", "replaceable-battery", "manufacturing-defect", "unknown"],
            WarrantyCodes.All<ClaimCause>());
    }

    [Theory]
    [InlineData(WarrantyOutcome.Covered, "covered")]
    [InlineData(WarrantyOutcome.NotCovered, "not-covered")]
    [InlineData(WarrantyOutcome.Review, "review")]
    public void ToCode_Outcome_IsKebabCase(WarrantyOutcome outcome, string expected)
    {
        Assert.Equal(expected, WarrantyCodes.ToCode(outcome));
    }

    [Fact]
    public void ToCode_UndeclaredValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WarrantyCodes.ToCode((WarrantyPart)7));
    }

    [Theory]
    [InlineData("under-sink-module", true)]
    [InlineData("Under-Sink-Module", true)]
    [InlineData("UnderSinkModule", false)]
    [InlineData("3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_Text_AcceptsOnlyCodesIgnoringCase(string? text, bool expected)
    {
        var parsed = WarrantyCodes.TryParse<ItemCategory>(text, out var category);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected ? ItemCategory.UnderSinkModule : default, category);
    }
}

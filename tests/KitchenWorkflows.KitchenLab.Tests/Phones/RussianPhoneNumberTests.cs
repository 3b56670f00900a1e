using KitchenWorkflows.KitchenLab.Phones;

namespace KitchenWorkflows.KitchenLab.Tests.Phones;

public sealed class RussianPhoneNumberTests
{
    [Theory]
    [InlineData("+79161234567", "+79161234567")]
    [InlineData("+7 916 123-45-67", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("89161234567", "+79161234567")]
    [InlineData("7 916 1234567", "+79161234567")]
    [InlineData("(916) 123.45.67", "+79161234567")]
    [InlineData("  +7 (495) 123-45-67 ", "+74951234567")]
    [InlineData("8 800 555-35-35", "+78005553535")]
    public void TryNormalize_RussianNumberAsWritten_GivesPlus7AndTenDigits(string input, string expected)
    {
        Assert.True(RussianPhoneNumber.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("+8 916 123 45 67")]
    [InlineData("+1 212 555 0100")]
    [InlineData("+7 7012 345678")]
    [InlineData("8916123456")]
    [InlineData("891612345678")]
    [InlineData("+7 916 123 45 67 ext 2")]
    [InlineData("+7 916 123+45-67")]
    public void TryNormalize_NotARussianNumber_IsFalse(string? input)
    {
        Assert.False(RussianPhoneNumber.TryNormalize(input, out var normalized));
        Assert.Null(normalized);
    }

    [Theory]
    [InlineData("+79161234567", true)]
    [InlineData("+74951234567", false)]
    [InlineData("+78005553535", false)]
    public void IsMobile_NormalisedNumber_IsTrueOnlyForPlus79(string normalized, bool expected) =>
        Assert.Equal(expected, RussianPhoneNumber.IsMobile(normalized));
}

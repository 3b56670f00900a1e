using System.Text;
using KitchenWorkflows.Server.Extensions;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>The path of the first string that is not UTF-8, found without decoding the body.</summary>
public sealed class Utf8JsonBodyValidationTests
{
    private static string? Find(string before, string after = "") =>
        Utf8JsonBodyValidation.FindInvalidString([.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)]);

    [Theory]
    [InlineData("\"", "\"", "$")]
    [InlineData("{\"a\": {\"b\": \"", "\"}}", "$.a.b")]
    [InlineData("{\"a\": [1, {\"x\": 2}, [true, \"", "\"]]}", "$.a[2][1]")]
    [InlineData("{\"first\": [\"ok\"], \"second\": \"", "\"}", "$.second")]
    [InlineData("{\"a\": {\"", "\": 1}}", "$.a")]
    public void FindInvalidString_NamesThePath(string before, string after, string expected) =>
        Assert.Equal(expected, Find(before, after));

    [Fact]
    public void FindInvalidString_ValidJson_IsNull() =>
        Assert.Null(Utf8JsonBodyValidation.FindInvalidString("{\"a\": [\"Иван\", \"\\u0041\"]}"u8));

    [Fact]
    public void FindInvalidString_NotJson_IsLeftToTheEndpoint() =>
        Assert.Null(Find("{\"a\": ", ""));
}

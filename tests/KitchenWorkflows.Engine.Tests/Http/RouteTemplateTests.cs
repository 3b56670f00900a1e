using KitchenWorkflows.Engine.Http;

namespace KitchenWorkflows.Engine.Tests.Http;

public sealed class RouteTemplateTests
{
    [Fact]
    public void Match_Parameters_AreTheRequestsSegmentsUnescaped()
    {
        var values = RouteTemplate.Parse("/orders/{id}/lines/{line}/").Match("Orders/A%2017/lines/3");

        Assert.NotNull(values);
        Assert.Equal("A 17", values["id"]);
        Assert.Equal("3", values["line"]);
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("orders/7/extra")]
    [InlineData("invoices/7")]
    public void Match_OtherShapes_DoNotMatch(string path) => Assert.Null(RouteTemplate.Parse("orders/{id}").Match(path));

    [Fact]
    public void Match_OptionalAndCatchAll_TakeWhatIsThere()
    {
        Assert.Empty(RouteTemplate.Parse("files/{name?}").Match("files")!);
        Assert.Equal("a/b c", RouteTemplate.Parse("files/{**rest}").Match("files/a/b%20c")!["rest"]);
        Assert.Equal("7", RouteTemplate.Parse("orders/{id:int}").Match("orders/7")!["id"]);
    }

    [Theory]
    [InlineData("orders//lines", "empty segment")]
    [InlineData("orders/{id", "neither a literal")]
    [InlineData("orders/{}", "neither a literal")]
    [InlineData("files/{*rest}/more", "Only the last segment")]
    public void Problem_MalformedTemplates_SayWhy(string path, string expected) => Assert.Contains(expected, RouteTemplate.Problem(path));

    [Fact]
    public void LiteralCount_TellsTheMoreSpecificTemplate() =>
        Assert.True(RouteTemplate.Parse("orders/new").LiteralCount > RouteTemplate.Parse("orders/{id}").LiteralCount);
}

using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class CompileErrorPositionTests
{
    [Theory]
    [InlineData("The JavaScript does not compile: Unexpected token (2:7)", 2, 7)]
    [InlineData("The JavaScript does not compile: Line 3: Unexpected end of input", 3, 1)]
    [InlineData("The Liquid template does not parse: something", 1, 1)]
    [InlineData(null, 1, 1)]
    public void Of_ServerMessage_PointsAtTheReportedPlace(string? message, int line, int column) =>
        Assert.Equal((line, column), CompileErrorPosition.Of(message));
}

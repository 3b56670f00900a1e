using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class ListValueTests
{
    [Fact]
    public void Read_LiteralArrayAndObjectText_GiveTheItems()
    {
        Assert.Equal(["Valid", "Invalid"], ListValue.Read(new WorkflowExpression(ExpressionTypes.Literal, new JsonArray("Valid", "Invalid"))));
        Assert.Equal(["GET"], ListValue.Read(new WorkflowExpression(ExpressionTypes.Object, JsonValue.Create("[\"GET\"]"))));
        Assert.Equal(["200", "201"], ListValue.Read(new WorkflowExpression(ExpressionTypes.Literal, new JsonArray(200, 201))));
        Assert.Empty(ListValue.Read(null)!);
    }

    [Fact]
    public void Read_ObjectsOrAScript_IsNoList()
    {
        Assert.Null(ListValue.Read(new WorkflowExpression(ExpressionTypes.Literal, JsonValue.Create("[{\"id\": 1}]"))));
        Assert.Null(ListValue.Read(new WorkflowExpression(ExpressionTypes.JavaScript, JsonValue.Create("['a']"))));
        Assert.Null(ListValue.Read(new WorkflowExpression(ExpressionTypes.Literal, JsonValue.Create("not a list"))));
    }

    [Fact]
    public void Write_ListOfNumbers_KeepsNumbers()
    {
        var written = ListValue.Write(ExpressionTypes.Literal, "List<Int32>", ["200", "404"]);

        Assert.Equal("[200,404]", written.Value!.ToJsonString());
    }
}

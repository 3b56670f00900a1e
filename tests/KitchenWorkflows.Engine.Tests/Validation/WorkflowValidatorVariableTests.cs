using System.Text.Json.Nodes;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>Variable declarations: unknown types, duplicate or missing names and initial values that do not convert.</summary>
public sealed class WorkflowValidatorVariableTests
{
    [Fact]
    public void Validate_VariableOfUnknownType_ReportsTheTypeName()
    {
        var definition = Chain([Variable("Name", "String"), Variable("Order", "KitchenLab.Order")], WriteLine("Write1", "Literal", "a"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.variables[1].typeName", error.Path);
        Assert.Contains("KitchenLab.Order", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.Int32")]
    [InlineData("int32")]
    [InlineData("JsonObject")]
    [InlineData("DateTimeOffset")]
    public void Validate_VariableOfKnownTypeInAnySpelling_ReportsNothing(string typeName)
    {
        var definition = Chain([Variable("Value", typeName)], WriteLine("Write1", "Literal", "a"));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }

    [Fact]
    public void Validate_DuplicateVariableName_ReportsTheSecondName()
    {
        var definition = Chain([Variable("Counter", "Int32", id: "a"), Variable("Name", "String"), Variable("Counter", "String", id: "b")], WriteLine("Write1", "Literal", "a"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.variables[2].name", error.Path);
        Assert.Contains("Counter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VariableWithoutName_ReportsTheName()
    {
        var definition = Chain([Variable("", "String")], WriteLine("Write1", "Literal", "a"));

        Assert.Equal(["$.variables[0].name"], BuiltInValidator.ErrorPaths(definition));
    }

    [Theory]
    [InlineData("Int32", "twelve")]
    [InlineData("Int32", "3000000000")]
    [InlineData("Boolean", "maybe")]
    [InlineData("TimeSpan", "later")]
    [InlineData("Guid", "not-a-guid")]
    [InlineData("DateTimeOffset", "yesterday")]
    public void Validate_InitialValueThatDoesNotConvert_ReportsTheValue(string typeName, string value)
    {
        var definition = Chain([Variable("Value", typeName, value)], WriteLine("Write1", "Literal", "a"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.variables[0].value", error.Path);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ArrayInitialValueThatIsNotAJsonArray_ReportsTheValue()
    {
        var variable = Variable("Tags", "Int32", "[1, \"two\"]");
        variable["isArray"] = true;

        Assert.Equal(["$.variables[0].value"], BuiltInValidator.ErrorPaths(Chain([variable], WriteLine("Write1", "Literal", "a"))));
    }

    [Theory]
    [InlineData("Int32", "\"42\"", false)]
    [InlineData("Int32", "42", false)]
    [InlineData("Boolean", "\"True\"", false)]
    [InlineData("TimeSpan", "\"00:05:00\"", false)]
    [InlineData("String", "\"[1,2]\"", true)]
    [InlineData("Int32", "[1, 2]", true)]
    [InlineData("Object", "{ \"a\": [1] }", false)]
    public void Validate_InitialValueThatConverts_ReportsNothing(string typeName, string valueJson, bool isArray)
    {
        var variable = Variable("Value", typeName, JsonNode.Parse(valueJson));
        variable["isArray"] = isArray;

        Assert.Empty(BuiltInValidator.Validate(Chain([variable], WriteLine("Write1", "Literal", "a"))));
    }
}

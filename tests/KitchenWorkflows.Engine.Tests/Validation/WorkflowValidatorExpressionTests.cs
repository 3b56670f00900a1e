using System.Text.Json.Nodes;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>Expressions that do not compile, name nothing, or use an unknown syntax are reported at the expression.</summary>
public sealed class WorkflowValidatorExpressionTests
{
    [Fact]
    public void Validate_JavaScriptThatDoesNotCompile_ReportsTheExpressionValue()
    {
        var definition = Chain(Decision("Decision1", "JavaScript", "getInput('n') >"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].condition.expression.value", error.Path);
        Assert.Contains("does not compile", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/[/.test('a')")]
    [InlineData("let let = 1")]
    [InlineData("}{")]
    [InlineData("`unterminated ${")]
    [InlineData("await getInput('n')")]
    [InlineData("import x from 'fs'")]
    public void Validate_JavaScriptWithOtherSyntaxErrors_ReportsTheExpressionValue(string script)
    {
        Assert.Equal(["$.root.activities[1].condition.expression.value"], BuiltInValidator.ErrorPaths(Chain(Decision("Decision1", "JavaScript", script))));
    }

    [Theory]
    [InlineData("return getInput('n') > 3;")]
    [InlineData("const n = getInput('n');\nn > 3")]
    public void Validate_JavaScriptWithReturnOrTrailingExpression_ReportsNothing(string script)
    {
        Assert.Empty(BuiltInValidator.Validate(Chain(Decision("Decision1", "JavaScript", script))));
    }

    [Fact]
    public void Validate_RunJavaScriptLiteralScriptThatDoesNotCompile_ReportsTheScript()
    {
        var definition = Chain(Activity("Script1", "Elsa.RunJavaScript", ("script", Input("Literal", "function (", "String"))));

        Assert.Equal(["$.root.activities[1].script.expression.value"], BuiltInValidator.ErrorPaths(definition));
    }

    [Theory]
    [InlineData("Hello {{ Variables.Name ")]
    [InlineData("{% if Variables.Name %}no end")]
    [InlineData("{{ Variables.Name | }}")]
    public void Validate_LiquidTemplateThatDoesNotParse_ReportsTheExpressionValue(string template)
    {
        var definition = Chain(WriteLine("Write1", "Liquid", template));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].text.expression.value", error.Path);
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VariableExpressionNamingAnUndeclaredVariable_ReportsTheExpressionValue()
    {
        var definition = Chain([Variable("Name", "String")], WriteLine("Write1", "Variable", "Nmae"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].text.expression.value", error.Path);
        Assert.Contains("Nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VariableExpressionWithAnUnknownReference_ReportsTheExpressionValue()
    {
        var reference = new JsonObject { ["id"] = "nope", ["name"] = "Nope" };
        var definition = Chain([Variable("Name", "String")], Activity("Write1", "Elsa.WriteLine", ("text", Input("Variable", reference, "String"))));

        Assert.Equal(["$.root.activities[1].text.expression.value"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_VariableReferenceWithAnIdOfTheWrongType_ReportsTheExpressionValue()
    {
        var reference = new JsonObject { ["id"] = 42 };
        var definition = Chain([Variable("Name", "String")], Activity("Write1", "Elsa.WriteLine", ("text", Input("Variable", reference, "String"))));

        Assert.Equal(["$.root.activities[1].text.expression.value"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_UnknownExpressionType_ReportsTheExpressionType()
    {
        var definition = Chain(WriteLine("Write1", "Python", "print('hi')"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].text.expression.type", error.Path);
        Assert.Contains("Python", error.Message, StringComparison.Ordinal);
    }
}

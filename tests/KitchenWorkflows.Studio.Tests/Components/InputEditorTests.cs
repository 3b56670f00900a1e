using Bunit;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.Components;

public sealed class InputEditorTests : StudioTestContext
{
    private ActivityInput? _changed;

    // The code editor checks scripts through the API as they are typed; nothing is typed here.
    public InputEditorTests() => Services.AddSingleton(new StudioApiClient(new HttpClient()));

    [Fact]
    public void Render_MultiLineLiteral_ShowsRussianTextInTextArea()
    {
        var editor = RenderEditor(TestData.TextInput, TestData.Literal("Проект Kitchen Lab обновляется"));

        Assert.Equal("Проект Kitchen Lab обновляется", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent);
    }

    [Fact]
    public void Change_LiteralText_RaisesLiteralWithNewText()
    {
        var editor = RenderEditor(TestData.TextInput, TestData.Literal("старый текст"));

        editor.Find("textarea").Change("Новый ответ клиенту");

        Assert.Equal(ExpressionTypes.Literal, _changed?.Expression?.Type);
        Assert.Equal("Новый ответ клиенту", _changed?.Expression?.Text);
        Assert.Equal("String", _changed?.TypeName);
    }

    [Fact]
    public void Click_JavaScriptSyntax_KeepsTextAndSwitchesSyntax()
    {
        var editor = RenderEditor(TestData.TextInput, TestData.Literal("1 + 1"));

        editor.FindAll(".kw-syntax button, .kw-syntax .mud-toggle-item").First(b => b.TextContent.Contains("JavaScript", StringComparison.Ordinal)).Click();

        Assert.Equal(ExpressionTypes.JavaScript, _changed?.Expression?.Type);
        Assert.Equal("1 + 1", _changed?.Expression?.Text);
    }

    [Theory]
    [InlineData(ExpressionTypes.JavaScript, "javascript")]
    [InlineData(ExpressionTypes.Liquid, "liquid")]
    public void Render_ScriptExpression_ShowsCodeEditorInItsLanguage(string syntax, string language)
    {
        var input = new ActivityInput { TypeName = "Boolean", Expression = new WorkflowExpression(syntax, System.Text.Json.Nodes.JsonValue.Create("getInput(\"x\") === 1")) };

        var editor = RenderEditor(TestData.Input("flag", "Boolean", "checkbox"), input);

        Assert.NotEmpty(editor.FindAll($".kw-code-editor[data-language={language}]"));
        Assert.Empty(editor.FindAll("input[type=checkbox]"));
        Assert.Empty(editor.FindAll("textarea"));
    }

    [Fact]
    public void Render_JsonLiteral_ShowsJsonCodeEditor()
    {
        var editor = RenderEditor(TestData.Input("payload", "Object", "json-editor"), TestData.Literal("{\"a\": 1}"));

        Assert.NotEmpty(editor.FindAll(".kw-code-editor[data-language=json]"));
    }

    [Fact]
    public void Change_BooleanLiteral_RaisesTrue()
    {
        var editor = RenderEditor(TestData.Input("sendSms", "Boolean", "checkbox"), null);

        editor.Find("input[type=checkbox]").Change(true);

        Assert.Equal("true", _changed?.Expression?.Text);
    }

    [Fact]
    public void Change_NumberLiteral_RaisesInvariantNumber()
    {
        var editor = RenderEditor(TestData.Input("months", "Int32", "number"), null);

        editor.Find("input").Change("42");

        Assert.Equal("42", _changed?.Expression?.Text);
    }

    [Fact]
    public void Change_ChoiceLiteral_RaisesChosenOption()
    {
        var editor = RenderEditor(TestData.Input("mode", "String", "dropdown", ["MatchFirst", "MatchAny"]), TestData.Literal("MatchFirst"));

        var options = editor.FindAll("select option").Select(o => o.GetAttribute("value")).ToList();
        editor.Find("select").Change("MatchAny");

        Assert.Contains("MatchAny", options);
        Assert.Equal("MatchAny", _changed?.Expression?.Text);
    }

    [Fact]
    public void Render_VariableSyntax_OffersWorkflowVariables()
    {
        var input = new ActivityInput { Expression = new WorkflowExpression(ExpressionTypes.Variable, System.Text.Json.Nodes.JsonValue.Create("counter")) };

        var editor = Render<InputEditor>(p => p.Add(e => e.Input, TestData.TextInput).Add(e => e.Value, input).Add(e => e.Variables, ["counter", "reply"]));

        Assert.Equal(["", "counter", "reply"], editor.FindAll("select option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void Render_WithErrors_ShowsTheServersMessage()
    {
        var editor = Render<InputEditor>(p => p.Add(e => e.Input, TestData.TextInput).Add(e => e.Errors, ["'Text' is required."]));

        Assert.Contains("'Text' is required.", editor.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(editor.FindAll(".mud-input-error"));
    }

    private IRenderedComponent<InputEditor> RenderEditor(InputInfo input, ActivityInput? value) =>
        Render<InputEditor>(p => p
            .Add(e => e.Input, input)
            .Add(e => e.Value, value)
            .Add(e => e.ValueChanged, (ActivityInput? v) => _changed = v));
}

using System.Text.Json.Nodes;
using Bunit;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Studio.Diagrams;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>List inputs (Fork's branches, a script's possible outcomes, HTTP methods) are edited as lists, never as JSON text.</summary>
public sealed class ListInputEditorTests : StudioTestContext
{
    private static readonly InputInfo Branches = TestData.Input("branches", "List<String>", "multi-text");
    private static readonly InputInfo Methods = TestData.Input("supportedMethods", "List<String>", "multi-text", ["GET", "POST", "PUT"]);
    private ActivityInput? _changed;

    public ListInputEditorTests() => Services.AddSingleton(new StudioApiClient(new HttpClient()));

    [Fact]
    public void Render_ForkBranchesAsElsaWritesThem_ShowsARowPerBranchAndNoJson()
    {
        var editor = RenderEditor(Branches, Object("[\"One\",\"Two\",\"Three\"]"));

        Assert.Equal(["One", "Two", "Three"], editor.FindAll(".kw-list__item").Select(i => i.GetAttribute("value")));
        Assert.Empty(editor.FindAll("textarea"));
        Assert.DoesNotContain("[&quot;One", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_RenameMoveAddRemove_RaisesTheListInTheFormItHad()
    {
        var editor = RenderEditor(Branches, Object("[\"One\",\"Two\"]"));

        editor.FindAll(".kw-list__item")[1].Change("Два");
        Assert.Equal(ExpressionTypes.Object, _changed?.Expression?.Type);
        Assert.Equal("[\"One\",\"Два\"]", _changed?.Expression?.Text);

        editor.FindAll("[aria-label='Move down']")[0].Click();
        Assert.Equal("[\"Two\",\"One\"]", _changed?.Expression?.Text);

        editor.Find("[data-testid=list-add]").Click();
        Assert.Equal("[\"One\",\"Two\",\"Item 3\"]", _changed?.Expression?.Text);

        editor.FindAll("[aria-label='Remove']")[0].Click();
        Assert.Equal("[\"Two\"]", _changed?.Expression?.Text);
    }

    [Fact]
    public void Toggle_MethodWithChoices_RaisesTheCheckedOnesInTheirOrder()
    {
        var editor = RenderEditor(Methods, Object("[\"POST\"]"));

        Assert.Equal([false, true, false], editor.FindAll("input[type=checkbox]").Select(c => c.HasAttribute("checked")));
        editor.Find("input[data-option=GET]").Change(true);

        Assert.Equal("[\"GET\",\"POST\"]", _changed?.Expression?.Text);
    }

    [Fact]
    public void PropertyPanel_PlainNullListProperty_IsEditedByItsListEditorNotAsJson()
    {
        // "possibleOutcomes": null, as Elsa writes an unset list: kept by the reader as a plain property.
        var script = new ActivityNode { Id = "script", Type = "Elsa.RunJavaScript" };
        script.Extensions["possibleOutcomes"] = null;
        var type = new ActivityTypeInfo("Elsa.RunJavaScript", 1, "Run JavaScript", "Scripting", "", ["Done"], true, false,
            [TestData.Input("possibleOutcomes", "List<String>", "multi-text")]);
        var node = new ActivityNodeModel(script, type, ["Done"], new(0, 0));

        var panel = Render<PropertyPanel>(p => p.Add(c => c.Node, node));
        Assert.DoesNotContain("(JSON)", panel.Markup, StringComparison.Ordinal);

        panel.Find("[data-input=possibleOutcomes] [data-testid=list-add]").Click();

        Assert.False(script.Extensions.ContainsKey("possibleOutcomes"));
        Assert.Equal("[\"Item 1\"]", script.Inputs["possibleOutcomes"].Expression?.Text);
    }

    private static ActivityInput Object(string json) =>
        new() { TypeName = "String[]", Expression = new WorkflowExpression(ExpressionTypes.Object, JsonValue.Create(json)) };

    private IRenderedComponent<InputEditor> RenderEditor(InputInfo input, ActivityInput? value) =>
        Render<InputEditor>(p => p
            .Add(e => e.Input, input)
            .Add(e => e.Value, value)
            .Add(e => e.ValueChanged, (ActivityInput? v) => _changed = v));
}

using Bunit;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Studio.Diagrams;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Components;

public sealed class ValidationDisplayTests : StudioTestContext
{
    [Fact]
    public void PropertyPanel_ErrorOnInputPath_ShowsItOnThatInput()
    {
        var definition = TestData.TwoStep();
        var report = ValidationReport.From(definition, new Dictionary<string, string[]> { ["$.root.activities[1].text"] = ["'Text' is required."] });
        var node = new ActivityNodeModel(definition.Root.Activities[1], TestData.WriteLine, ["Done"], new(0, 0));

        var panel = Render<PropertyPanel>(p => p.Add(c => c.Node, node).Add(c => c.Report, report));

        Assert.Contains("'Text' is required.", panel.Find("[data-input=text]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyPanel_ConnectionErrorOfActivity_ShowsItAboveTheInputs()
    {
        var definition = TestData.TwoStep();
        definition.Root.Connections.Add(new Engine.Definitions.Connection { Source = "write", SourcePort = "Done", Target = "" });
        var report = ValidationReport.From(definition, new Dictionary<string, string[]> { ["$.root.connections[1].target.activity"] = ["The connection ends at '', which is not an activity of this flowchart."] });
        var node = new ActivityNodeModel(definition.Root.Activities[1], TestData.WriteLine, ["Done"], new(0, 0));

        var panel = Render<PropertyPanel>(p => p.Add(c => c.Node, node).Add(c => c.Report, report));

        Assert.Contains("Outcome 'Done'", panel.Find(".kw-properties__error").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyPanel_RussianDisplayTextAndInput_RenderUnchanged()
    {
        var definition = TestData.TwoStep("Для дальнейшего решения вопроса напишите, пожалуйста");
        definition.Root.Activities[1].Metadata["displayText"] = "Скрипт оператора";
        var node = new ActivityNodeModel(definition.Root.Activities[1], TestData.WriteLine, ["Done"], new(0, 0));

        var panel = Render<PropertyPanel>(p => p.Add(c => c.Node, node));

        Assert.Contains("Скрипт оператора", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Для дальнейшего решения вопроса напишите, пожалуйста", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationPanel_Errors_ListsEachMessageWithItsPath()
    {
        var definition = TestData.TwoStep();
        var report = ValidationReport.From(definition, new Dictionary<string, string[]>
        {
            ["$.root.activities[1].text"] = ["'Text' is required."],
            ["$.variables[0].name"] = ["A variable needs a name."],
        });

        var panel = Render<ValidationPanel>(p => p.Add(c => c.Report, report));

        Assert.Equal(2, panel.FindAll(".kw-problem").Count);
        Assert.Contains("$.variables[0].name", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("2 problem(s)", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationPanel_WithNames_NamesTheActivityAndTheInputAsOpsSeeThem_PathAsTooltip()
    {
        var definition = TestData.TwoStep();
        definition.Root.Activities[1].Metadata["displayText"] = "Скрипт оператора";
        definition.Variables.Add(new Engine.Definitions.VariableDefinition { Name = "Counter" });
        var report = ValidationReport.From(definition, new Dictionary<string, string[]>
        {
            ["$.root.activities[1].text"] = ["'Text' is required."],
            ["$.variables[0].value"] = ["Not a number."],
        });
        var names = new DisplayNames(definition, new Dictionary<string, Api.ActivityTypeInfo> { ["Elsa.WriteLine"] = TestData.WriteLine });

        var panel = Render<ValidationPanel>(p => p.Add(c => c.Report, report).Add(c => c.Names, names));

        var places = panel.FindAll(".kw-problem__path").Select(e => e.TextContent).ToList();
        Assert.Equal(["Скрипт оператора · Text", "Variable 'Counter'"], places);
        Assert.DoesNotContain("$.root", string.Concat(places), StringComparison.Ordinal);
        Assert.Equal("$.root.activities[1].text", panel.FindAll(".kw-problem")[0].GetAttribute("title"));
    }

    [Fact]
    public void ValidationPanel_NoErrors_SaysSo()
    {
        var panel = Render<ValidationPanel>(p => p.Add(c => c.Report, ValidationReport.Empty));

        Assert.Contains("No problems", panel.Markup, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using Bunit;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Studio.Diagrams;
using KitchenWorkflows.Studio.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>Routing changed without JSON: a switch's cases are added, renamed, reordered and deleted, and their connections follow.</summary>
public sealed class CasesEditorTests : StudioTestContext
{
    private static readonly ActivityTypeInfo FlowSwitch = new("Elsa.FlowSwitch", 1, "Switch", "Branching", "Continue through the case whose condition holds.", ["Default"], false, false, []);

    private readonly DesignerSession _session = new(Routing(), [TestData.Start, TestData.WriteLine, FlowSwitch]);

    // The code editor checks conditions through the API as they are typed; nothing is typed here.
    public CasesEditorTests() => Services.AddSingleton(new StudioApiClient(new HttpClient()));

    [Fact]
    public void Rename_ConnectedCase_ItsConnectionFollowsTheNewLabel()
    {
        var editor = RenderCases();

        editor.Find(".kw-case[data-case=0] .kw-case__label input").Change("Потенциальный");

        var definition = _session.ToDefinition();
        Assert.Equal(["Потенциальный", "Existing"], SwitchCases.Of(definition.Root.Activities.Single(a => a.Id == "switch")).Select(SwitchCases.Label));
        var connection = Assert.Single(definition.Root.Connections, c => c.Source == "switch");
        Assert.Equal(("Потенциальный", "potential"), (connection.SourcePort, connection.Target));
        Assert.True(_session.IsDirty);
    }

    [Fact]
    public void Delete_ConnectedCase_TakesItsConnectionAlong()
    {
        var editor = RenderCases();

        editor.Find(".kw-case[data-case=0] [aria-label='Delete case']").Click();

        var definition = _session.ToDefinition();
        Assert.Equal(["Existing"], SwitchCases.Of(definition.Root.Activities.Single(a => a.Id == "switch")).Select(SwitchCases.Label));
        Assert.DoesNotContain(definition.Root.Connections, c => c.Source == "switch");
    }

    [Fact]
    public void AddAndMove_NewCaseGetsAPortAndTheOrderChanges_ConnectionKept()
    {
        var editor = RenderCases();

        editor.Find("[data-testid=add-case]").Click();
        // A new port rebuilds the canvas; the page then shows the cases of the rebuilt, still selected, node.
        editor.Render(p => p.Add(c => c.Node, _session.SelectedNode!));
        editor.Find(".kw-case[data-case=0] [aria-label='Move down']").Click();

        var definition = _session.ToDefinition();
        Assert.Equal(["Existing", "Potential", "Case 3"], SwitchCases.Of(definition.Root.Activities.Single(a => a.Id == "switch")).Select(SwitchCases.Label));
        var node = _session.Diagram.Nodes.OfType<ActivityNodeModel>().Single(n => n.Activity.Id == "switch");
        Assert.Equal(["Existing", "Potential", "Case 3", "Default"], node.OutcomePorts.Select(p => p.Name));
        Assert.Contains(definition.Root.Connections, c => c is { Source: "switch", SourcePort: "Potential", Target: "potential" });
    }

    private IRenderedComponent<CasesEditor> RenderCases()
    {
        var node = _session.Diagram.Nodes.OfType<ActivityNodeModel>().Single(n => n.Activity.Id == "switch");
        return Render<CasesEditor>(p => p
            .Add(c => c.Node, node)
            .Add(c => c.Diagram, _session.Diagram)
            .Add(c => c.Edited, (ActivityNodeModel n) => _session.ActivityEdited(n)));
    }

    // Start → switch (Potential, Existing); Potential → a journal line.
    private static WorkflowDefinition Routing()
    {
        var definition = TestData.TwoStep();
        definition.Root.Activities.Single(a => a.Id == "write").Id = "potential";
        definition.Root.Connections.Clear();
        var @switch = new ActivityNode { Id = "switch", Type = "Elsa.FlowSwitch" };
        @switch.Extensions["cases"] = new JsonArray(
            new JsonObject { ["label"] = "Potential", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput(\"callerKind\") === \"potential\"" } },
            new JsonObject { ["label"] = "Existing", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput(\"callerKind\") === \"existing\"" } });
        definition.Root.Activities.Add(@switch);
        definition.Root.Connections.Add(new Connection { Source = "start", SourcePort = "Done", Target = "switch" });
        definition.Root.Connections.Add(new Connection { Source = "switch", SourcePort = "Potential", Target = "potential" });
        return definition;
    }
}

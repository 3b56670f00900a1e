using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Diagrams;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class DesignerSessionTests
{
    [Fact]
    public void ToDefinition_LoadedFlowchart_KeepsPositionsAndConnections()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);

        var saved = WorkflowDefinitionSerializer.Clone(session.ToDefinition());

        Assert.Equal(new(360, 140), FlowchartDiagramMapper.ReadPosition(saved.Root.Activities[1]));
        var connection = Assert.Single(saved.Root.Connections);
        Assert.Equal(("start", "Done", "write"), (connection.Source, connection.SourcePort, connection.Target));
    }

    [Fact]
    public void AddActivity_ThenUndo_RemovesItAndRedoBringsItBack()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);

        var node = session.AddActivity(TestData.WriteLine, new(600, 200));
        session.Undo();
        var afterUndo = session.ToDefinition().Root.Activities.Select(a => a.Id).ToList();
        session.Redo();

        Assert.Equal("WriteLine1", node.Activity.Id);
        Assert.DoesNotContain("WriteLine1", afterUndo);
        Assert.Contains("WriteLine1", session.ToDefinition().Root.Activities.Select(a => a.Id));
        Assert.True(session.IsDirty);
    }

    [Fact]
    public void ShowReport_ConnectionError_MarksSourceNode()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);
        var sent = session.ToDefinition();

        session.ShowReport(ValidationReport.From(sent, new Dictionary<string, string[]> { ["$.root.connections[0].source.port"] = ["no such port"] }));

        var start = session.Diagram.Nodes.OfType<ActivityNodeModel>().Single(n => n.Activity.Id == "start");
        Assert.Contains("no such port", Assert.Single(start.Errors), StringComparison.Ordinal);
    }
}

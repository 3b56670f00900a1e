using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Diagrams;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class CopyPasteAndLayoutTests
{
    [Fact]
    public void CopyPaste_BothActivities_NewIdsConnectionKeptPositionsShiftedOneUndoStep()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);
        SelectAll(session);

        session.CopySelection();
        session.Paste();

        var definition = session.ToDefinition();
        Assert.Equal(["start", "write", "Start1", "WriteLine1"], definition.Root.Activities.Select(a => a.Id));
        Assert.Contains(definition.Root.Connections, c => (c.Source, c.SourcePort, c.Target) == ("Start1", "Done", "WriteLine1"));
        Assert.Equal(new(400, 180), FlowchartDiagramMapper.ReadPosition(definition.Root.Activities[3]));
        Assert.Equal("Здравствуйте", definition.Root.Activities[3].Inputs["text"].Expression!.Text);
        Assert.Equal(["Start1", "WriteLine1"], session.Diagram.GetSelectedModels().OfType<ActivityNodeModel>().Select(n => n.Activity.Id));

        session.Undo();
        Assert.Equal(["start", "write"], session.ToDefinition().Root.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Paste_IntoAnotherDefinition_SharedClipboard_ConnectionToAnActivityLeftBehindIsDropped()
    {
        var clipboard = new ActivityClipboard();
        var source = new DesignerSession(TestData.TwoStep("Первый"), [TestData.Start, TestData.WriteLine], clipboard: clipboard);
        var target = new DesignerSession(TestData.TwoStep("Второй"), [TestData.Start, TestData.WriteLine], clipboard: clipboard);
        source.Diagram.SelectModel(source.Diagram.Nodes.Single(n => n.Id == "write"), unselectOthers: true);

        source.CopySelection();
        target.Paste(new(600, 300));
        target.Paste(new(600, 500));

        var definition = target.ToDefinition();
        Assert.Equal(["start", "write", "WriteLine1", "WriteLine2"], definition.Root.Activities.Select(a => a.Id));
        Assert.Equal("Первый", definition.Root.Activities[2].Inputs["text"].Expression!.Text);
        Assert.Equal(new(600, 500), FlowchartDiagramMapper.ReadPosition(definition.Root.Activities[3]));
        Assert.Single(definition.Root.Connections);
    }

    [Fact]
    public void DuplicateSelection_LeavesTheClipboardAlone()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);
        session.Diagram.SelectModel(session.Diagram.Nodes.Single(n => n.Id == "write"), unselectOthers: true);

        session.DuplicateSelection();

        Assert.Null(session.Clipboard.Content);
        Assert.Equal(["start", "write", "WriteLine1"], session.ToDefinition().Root.Activities.Select(a => a.Id));
    }

    [Fact]
    public void AutoLayout_PilesOfNodes_LayersLeftToRightWithoutOverlapAndUndoable()
    {
        var definition = TestData.TwoStep();
        var second = new ActivityNode { Id = "second", Type = "Elsa.WriteLine" };
        FlowchartDiagramMapper.WritePosition(second, new(360, 140));
        definition.Root.Activities.Add(second);
        definition.Root.Connections.Add(new Connection { Source = "write", SourcePort = "Done", Target = "second" });
        definition.Root.Activities.ForEach(a => FlowchartDiagramMapper.WritePosition(a, new(100, 100)));
        var session = new DesignerSession(definition, [TestData.Start, TestData.WriteLine]);

        session.AutoLayout();

        var positions = session.ToDefinition().Root.Activities.ToDictionary(a => a.Id, a => FlowchartDiagramMapper.ReadPosition(a)!);
        Assert.True(positions["start"].X + 240 < positions["write"].X, $"start at {positions["start"]}, write at {positions["write"]}");
        Assert.True(positions["write"].X + 240 < positions["second"].X, $"write at {positions["write"]}, second at {positions["second"]}");
        Assert.True(session.IsDirty);
        session.Undo();
        Assert.All(session.ToDefinition().Root.Activities, a => Assert.Equal(new(100, 100), FlowchartDiagramMapper.ReadPosition(a)));
    }

    private static void SelectAll(DesignerSession session)
    {
        foreach (var node in session.Diagram.Nodes)
        {
            session.Diagram.SelectModel(node, unselectOthers: false);
        }
    }
}

using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class UndoHistoryTests
{
    [Fact]
    public void Undo_AfterTwoChanges_StepsBackThenRedoForward()
    {
        var history = new UndoHistory("a");
        history.Record("b");
        history.Record("c");

        Assert.Equal("b", history.Undo());
        Assert.Equal("a", history.Undo());
        Assert.False(history.CanUndo);
        Assert.Equal("b", history.Redo());
    }

    [Fact]
    public void Record_SameState_IsNotAStep()
    {
        var history = new UndoHistory("a");

        Assert.False(history.Record("a"));
        Assert.False(history.CanUndo);
    }

    [Fact]
    public void Record_AfterUndo_ClearsRedo()
    {
        var history = new UndoHistory("a");
        history.Record("b");
        history.Undo();

        history.Record("c");

        Assert.False(history.CanRedo);
    }
}

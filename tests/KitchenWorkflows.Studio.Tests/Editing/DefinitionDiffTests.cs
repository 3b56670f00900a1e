using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

public sealed class DefinitionDiffTests
{
    [Fact]
    public void Compare_ChangedInputAddedActivityAndConnection_ListsEach()
    {
        var older = TestData.TwoStep("старый");
        var newer = TestData.TwoStep("новый");
        newer.Root.Activities.Add(new ActivityNode { Id = "log", Type = "Elsa.WriteLine" });
        newer.Root.Connections.Add(new Connection { Source = "write", SourcePort = "Done", Target = "log" });

        var diff = DefinitionDiff.Compare(older, newer);

        Assert.Contains(diff, l => l is { Kind: DiffKind.Changed, ActivityId: "write", Field: "text", Before: "Literal: старый", After: "Literal: новый" });
        Assert.Contains(diff, l => l is { Kind: DiffKind.Added, ActivityId: "log" });
        Assert.Contains(diff, l => l is { Kind: DiffKind.Added, Field: "connection", After: "write.Done → log" });
    }

    [Fact]
    public void Compare_SameDefinition_IsEmpty()
    {
        Assert.Empty(DefinitionDiff.Compare(TestData.TwoStep(), TestData.TwoStep()));
    }
}

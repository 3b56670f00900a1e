using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Activities.BuiltIn;

public sealed class FinishTests
{
    // start → fork ─Branch 1─→ wait (Event) → never
    //              ├Branch 2─→ finish
    //              └Branch 3─→ late   (still queued when finish runs)
    [Fact]
    public async Task ExecuteAsync_OtherBranchWaitingAndQueued_EndsTheWorkflowAndDropsThem()
    {
        await using var harness = new EngineHarness();
        var json = new FlowBuilder()
            .Add("start", "Elsa.Start")
            .Add("fork", "Elsa.FlowFork", ("branches", FlowBuilder.Literal(new System.Text.Json.Nodes.JsonArray("Branch 1", "Branch 2", "Branch 3"))))
            .Add("wait", "Elsa.Event", ("eventName", FlowBuilder.Literal("Never")))
            .Add("never", "Elsa.WriteLine", ("text", FlowBuilder.Literal("never")))
            .Add("finish", "Elsa.Finish")
            .Add("late", "Elsa.WriteLine", ("text", FlowBuilder.Literal("late")))
            .Chain("start", "fork")
            .Connect("fork", "wait", "Branch 1")
            .Connect("wait", "never")
            .Connect("fork", "finish", "Branch 2")
            .Connect("fork", "late", "Branch 3")
            .Json;

        var result = await harness.RunAsync(json);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(JournalEntryStatus.FinishedWorkflow, result.Journal[^1].Status);
        Assert.Empty(result.State.Bookmarks);
        Assert.Empty(result.State.Queue);
        Assert.Empty(result.State.Tokens);
        Assert.Empty(EngineHarness.Lines(result.Journal));
        Assert.NotNull(result.State.FinishedAt);
    }
}

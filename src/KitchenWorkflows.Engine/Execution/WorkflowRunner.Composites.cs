using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>How completions travel through composite activities and their frames.</summary>
public sealed partial class WorkflowRunner
{
    // An activity completed: its result is kept, it is journaled (a composite with the time it started), and
    // what holds it goes on: the root flowchart's tokens, or the composite whose frame it ran in.
    private void Complete(ActivityExecutionContext context, DateTimeOffset started, IReadOnlyList<string> outcomes)
    {
        var state = context.Workflow.State;
        state.FailedAttempts.Remove(context.Activity.Key);
        RecordResult(context);
        if (context.HasFrame)
        {
            started = context.Frame.StartedAt;
            FrameTree.Close(state, context.Frame);
        }

        Journal(context, started, JournalEntryStatus.Completed, outcomes);
        Continue(context, outcomes);
    }

    private void Continue(ActivityExecutionContext context, IReadOnlyList<string> outcomes)
    {
        var state = context.Workflow.State;
        if (context.Scope is not { } frame)
        {
            if (context.Activity is ITerminalActivity)
            {
                // A terminal activity completes the flowchart that holds it; the root's is the workflow's.
                FinishWorkflow(state);
            }
            else
            {
                context.Workflow.RootFlow.Emit(context.Activity.Key, outcomes);
            }

            return;
        }

        int? iteration = null;
        if (frame.IsScope)
        {
            iteration = frame.Index;
            FrameTree.Close(state, frame);
            frame = FrameTree.Find(state, frame.ParentId) ?? throw new InvalidOperationException($"Instance {state.Id} lost the frame {frame.ParentId}.");
        }

        var composite = (CompositeActivity)context.Workflow.Workflow.Activities[frame.ActivityId];
        var compositeContext = new ActivityExecutionContext(context.Workflow, composite, FrameTree.Find(state, frame.ParentId), frame);
        ActivityResult result;
        try
        {
            result = composite.OnChildCompleted(compositeContext, new ChildCompletion(context.Activity, outcomes, iteration));
        }
        catch (Exception ex)
        {
            // A composite's callback evaluates expressions (a While's condition): a failure faults the composite.
            result = new FaultedByException(ex);
        }

        Apply(compositeContext, result, frame.StartedAt);
    }

    // Elsa.Break: the nearest loop completes, dropping the rest of its body; outside a loop Break is terminal.
    private void BreakLoop(ActivityExecutionContext context)
    {
        var loop = Enclosing<ILoopActivity>(context);
        if (loop is null)
        {
            Continue(context, []);
            return;
        }

        Complete(loop, loop.Frame.StartedAt, [Activity.DonePort]);
    }

    // Elsa.Complete: the nearest workflow used as an activity completes through the outcomes; at the top, the instance finishes.
    private void CompleteWorkflow(ActivityExecutionContext context, IReadOnlyList<string> outcomes)
    {
        if (Enclosing<WorkflowActivity>(context) is not { } used)
        {
            FinishWorkflow(context.Workflow.State);
            return;
        }

        Apply(used, WorkflowActivity.Completed(used, outcomes), used.Frame.StartedAt);
    }

    private static ActivityExecutionContext? Enclosing<T>(ActivityExecutionContext context)
    {
        var state = context.Workflow.State;
        var activities = context.Workflow.Workflow.Activities;
        foreach (var frame in FrameTree.Upwards(state, context.Scope))
        {
            if (!frame.IsScope && activities[frame.ActivityId] is T)
            {
                return new ActivityExecutionContext(context.Workflow, activities[frame.ActivityId], FrameTree.Find(state, frame.ParentId), frame);
            }
        }

        return null;
    }

    private void FinishWorkflow(WorkflowInstanceState state)
    {
        DropAllWork(state);
        End(state, WorkflowSubStatus.Finished);
    }

    private static void DropAllWork(WorkflowInstanceState state)
    {
        state.Queue.Clear();
        state.Tokens.Clear();
        state.Bookmarks.Clear();
        state.Scheduled.Clear();
        state.Frames.Clear();
    }
}

namespace KitchenWorkflows.Engine.Execution;

/// <summary>The root flowchart's pending work: the instance state's queue, tokens and root-level bookmarks and frames.</summary>
internal sealed class RootFlowState(WorkflowInstanceState state) : IFlowState
{
    public List<Token> Tokens => state.Tokens;

    public bool IsQueued(string activityId) => state.Queue.Contains(activityId);

    public void Enqueue(string activityId) => state.Queue.Add(activityId);

    public bool IsWaiting(string activityId) =>
        state.Bookmarks.Exists(b => b.ActivityId == activityId && b.FrameId is null)
        || (state.Frames.Count > 0 && state.Frames.Exists(f => f.ParentId is null && f.ActivityId == activityId));

    public void Cancel(HashSet<string> activityIds)
    {
        state.Queue.RemoveAll(activityIds.Contains);
        state.Bookmarks.RemoveAll(b => b.FrameId is null && activityIds.Contains(b.ActivityId));
        state.Tokens.RemoveAll(t => activityIds.Contains(t.Target));
        foreach (var frame in state.Frames.FindAll(f => f.ParentId is null && activityIds.Contains(f.ActivityId)))
        {
            FrameTree.Close(state, frame);
        }
    }
}

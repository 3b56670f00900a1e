using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>A nested flowchart's pending work: the activities scheduled in its frame, their bookmarks and frames, and the frame's tokens.</summary>
internal sealed class FrameFlowState(WorkflowInstanceState state, ExecutionFrame frame, IReadOnlyDictionary<string, Activity> activities) : IFlowState
{
    public List<Token> Tokens => frame.Tokens ??= [];

    public bool IsQueued(string activityId)
    {
        var key = activities[activityId].Key;
        return state.Scheduled.Exists(s => s.FrameId == frame.Id && s.ActivityId == key);
    }

    public void Enqueue(string activityId) => state.Scheduled.Add(new ScheduledActivity(activities[activityId].Key, frame.Id));

    public bool IsWaiting(string activityId)
    {
        var key = activities[activityId].Key;
        return state.Bookmarks.Exists(b => b.FrameId == frame.Id && b.ActivityId == key)
            || state.Frames.Exists(f => f.ParentId == frame.Id && f.ActivityId == key);
    }

    public void Cancel(HashSet<string> activityIds)
    {
        var keys = activityIds.Select(id => activities[id].Key).ToHashSet(StringComparer.Ordinal);
        state.Scheduled.RemoveAll(s => s.FrameId == frame.Id && keys.Contains(s.ActivityId));
        state.Bookmarks.RemoveAll(b => b.FrameId == frame.Id && keys.Contains(b.ActivityId));
        Tokens.RemoveAll(t => activityIds.Contains(t.Target));
        foreach (var child in state.Frames.FindAll(f => f.ParentId == frame.Id && keys.Contains(f.ActivityId)))
        {
            FrameTree.Close(state, child);
        }
    }
}

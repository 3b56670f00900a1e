namespace KitchenWorkflows.Engine.Execution;

/// <summary>Reads and prunes the tree of <see cref="ExecutionFrame"/>s an instance state holds.</summary>
internal static class FrameTree
{
    public static ExecutionFrame? Find(WorkflowInstanceState state, string? id) =>
        id is null ? null : state.Frames.Find(f => f.Id == id);

    public static ExecutionFrame Open(WorkflowInstanceState state, string activityKey, ExecutionFrame? parent, DateTimeOffset now, bool isScope = false)
    {
        var frame = new ExecutionFrame
        {
            Id = Guid.CreateVersion7().ToString("N"),
            ActivityId = activityKey,
            ParentId = parent?.Id,
            IsScope = isScope,
            StartedAt = now,
        };
        state.Frames.Add(frame);
        return frame;
    }

    /// <summary>
    /// Removes a frame and everything below it: the frames it holds, the activities queued in them and their
    /// bookmarks. A composite that completes (or is cancelled) drops the work its children still had.
    /// </summary>
    public static void Close(WorkflowInstanceState state, ExecutionFrame frame)
    {
        var closing = new HashSet<string>(StringComparer.Ordinal) { frame.Id };
        bool added;
        do
        {
            added = false;
            foreach (var candidate in state.Frames)
            {
                if (candidate.ParentId is { } parent && closing.Contains(parent) && closing.Add(candidate.Id))
                {
                    added = true;
                }
            }
        }
        while (added);

        state.Frames.RemoveAll(f => closing.Contains(f.Id));
        state.Scheduled.RemoveAll(s => closing.Contains(s.FrameId));
        state.Bookmarks.RemoveAll(b => b.FrameId is { } id && closing.Contains(id));
    }

    /// <summary>Whether nothing runs or waits in a frame any more: nothing queued, no bookmark, no composite running.</summary>
    public static bool IsIdle(WorkflowInstanceState state, ExecutionFrame frame) =>
        !state.Scheduled.Exists(s => s.FrameId == frame.Id)
        && !state.Bookmarks.Exists(b => b.FrameId == frame.Id)
        && !state.Frames.Exists(f => f.ParentId == frame.Id);

    /// <summary>The frames from <paramref name="frame"/> outwards to the outermost.</summary>
    public static IEnumerable<ExecutionFrame> Upwards(WorkflowInstanceState state, ExecutionFrame? frame)
    {
        for (var current = frame; current is not null; current = Find(state, current.ParentId))
        {
            yield return current;
        }
    }
}

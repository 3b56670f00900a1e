namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Where a flowchart's pending work lives, by the flowchart's own activity ids: the root flowchart's in the
/// instance state's queue and tokens, a nested flowchart's in its frame (<see cref="FrameFlowState"/>).
/// </summary>
internal interface IFlowState
{
    /// <summary>Tokens that reached an activity that has not run on them yet.</summary>
    List<Token> Tokens { get; }

    /// <summary>Whether an activity is queued.</summary>
    bool IsQueued(string activityId);

    /// <summary>Queues an activity.</summary>
    void Enqueue(string activityId);

    /// <summary>Whether an activity waits on a bookmark or, as a composite, on its children.</summary>
    bool IsWaiting(string activityId);

    /// <summary>Drops what the given activities had queued, waiting or running, and the tokens that reached them.</summary>
    void Cancel(HashSet<string> activityIds);
}

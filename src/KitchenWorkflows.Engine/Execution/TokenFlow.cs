using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Moves control along connections and decides, by each target's <see cref="MergeMode"/>, when a
/// target with tokens is queued. Works on the instance state only, so it survives any persistence point; the
/// root flowchart and each nested one (a frame) keep their own tokens and queue, behind <see cref="IFlowState"/>.
/// </summary>
internal sealed class TokenFlow(FlowGraph graph, IReadOnlyDictionary<string, Activity> activities, IFlowState state)
{
    /// <summary>The root flowchart's flow.</summary>
    public TokenFlow(CompiledWorkflow workflow, WorkflowInstanceState state)
        : this(workflow.Graph, workflow.Activities, new RootFlowState(state))
    {
    }

    /// <summary>Sends tokens out of the ports an activity completed with, and re-checks targets it left waiting.</summary>
    public void Emit(string sourceId, IReadOnlyList<string> outcomes)
    {
        var outbound = graph.Outbound(sourceId);
        foreach (var connection in outbound)
        {
            if (outcomes.Contains(connection.SourcePort, StringComparer.Ordinal))
            {
                state.Tokens.Add(new Token(connection.Source, connection.SourcePort, connection.Target));
                Offer(connection.Target, arrival: true);
            }
        }

        // A source that completed through another port is no longer pending: a Stream target that
        // waited on it may go now.
        foreach (var connection in outbound)
        {
            if (!outcomes.Contains(connection.SourcePort, StringComparer.Ordinal))
            {
                Offer(connection.Target, arrival: false);
            }
        }
    }

    /// <summary>Removes the tokens waiting at an activity that is about to run; returns them for a rollback.</summary>
    public List<Token> Consume(string activityId)
    {
        var consumed = state.Tokens.FindAll(t => t.Target == activityId);
        state.Tokens.RemoveAll(t => t.Target == activityId);
        return consumed;
    }

    private void Offer(string targetId, bool arrival)
    {
        var target = activities[targetId];
        var queued = state.IsQueued(targetId);
        switch (target.GetMergeMode())
        {
            case MergeMode.Cascade or MergeMode.None when arrival:
                state.Enqueue(targetId);
                break;
            case MergeMode.Race when arrival && !queued:
                CancelOtherBranches(targetId);
                state.Enqueue(targetId);
                break;
            case MergeMode.Merge when !queued && HasTokensOnAll(graph.ForwardInbound(targetId)):
            case MergeMode.Converge when !queued && HasTokensOnAll(graph.Inbound(targetId)):
            case MergeMode.Stream when !queued && HasToken(targetId) && !graph.ForwardInbound(targetId).Any(c => IsPending(c.Source)):
                state.Enqueue(targetId);
                break;
        }
    }

    private bool HasTokensOnAll(IReadOnlyList<Connection> connections) =>
        connections.All(c => state.Tokens.Exists(t => t.Source == c.Source && t.SourcePort == c.SourcePort && t.Target == c.Target));

    private bool HasToken(string activityId) => state.Tokens.Exists(t => t.Target == activityId);

    private bool IsPending(string activityId) =>
        state.IsQueued(activityId) || HasToken(activityId) || state.IsWaiting(activityId);

    // First arrival wins: whatever still waits upstream of the target on other branches is dropped.
    private void CancelOtherBranches(string targetId)
    {
        state.Cancel(graph.ForwardAncestors(targetId));
    }
}

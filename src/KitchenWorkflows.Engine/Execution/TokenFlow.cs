using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Moves control along connections and decides, by each target's <see cref="MergeMode"/>, when a
/// target with tokens is queued. Works on the instance state only, so it survives any persistence point.
/// </summary>
internal sealed class TokenFlow(CompiledWorkflow workflow, WorkflowInstanceState state)
{
    /// <summary>Sends tokens out of the ports an activity completed with, and re-checks targets it left waiting.</summary>
    public void Emit(string sourceId, IReadOnlyList<string> outcomes)
    {
        var outbound = workflow.Graph.Outbound(sourceId);
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
        var target = workflow.Activities[targetId];
        var queued = state.Queue.Contains(targetId);
        switch (target.GetMergeMode())
        {
            case MergeMode.Cascade or MergeMode.None when arrival:
                state.Queue.Add(targetId);
                break;
            case MergeMode.Race when arrival && !queued:
                CancelOtherBranches(targetId);
                state.Queue.Add(targetId);
                break;
            case MergeMode.Merge when !queued && HasTokensOnAll(workflow.Graph.ForwardInbound(targetId)):
            case MergeMode.Converge when !queued && HasTokensOnAll(workflow.Graph.Inbound(targetId)):
            case MergeMode.Stream when !queued && HasToken(targetId) && !workflow.Graph.ForwardInbound(targetId).Any(c => IsPending(c.Source)):
                state.Queue.Add(targetId);
                break;
        }
    }

    private bool HasTokensOnAll(IReadOnlyList<Connection> connections) =>
        connections.All(c => state.Tokens.Exists(t => t.Source == c.Source && t.SourcePort == c.SourcePort && t.Target == c.Target));

    private bool HasToken(string activityId) => state.Tokens.Exists(t => t.Target == activityId);

    private bool IsPending(string activityId) =>
        state.Queue.Contains(activityId) || HasToken(activityId) || state.Bookmarks.Exists(b => b.ActivityId == activityId);

    // First arrival wins: whatever still waits upstream of the target on other branches is dropped.
    private void CancelOtherBranches(string targetId)
    {
        var ancestors = workflow.Graph.ForwardAncestors(targetId);
        state.Queue.RemoveAll(ancestors.Contains);
        state.Bookmarks.RemoveAll(b => ancestors.Contains(b.ActivityId));
        state.Tokens.RemoveAll(t => ancestors.Contains(t.Target));
    }
}

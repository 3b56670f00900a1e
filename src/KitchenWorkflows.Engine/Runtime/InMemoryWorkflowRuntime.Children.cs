using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Runtime;

/// <summary>Child workflows in memory: starting the children a run asked for, and resuming a parent when its child ends.</summary>
public sealed partial class InMemoryWorkflowRuntime
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _children = new(StringComparer.Ordinal);

    /// <summary>The ids of the children an instance started.</summary>
    public IReadOnlyList<string> GetChildren(string instanceId) =>
        _children.TryGetValue(instanceId, out var children) ? [.. children.Keys] : [];

    private async Task FollowChildrenAsync(RunResult result)
    {
        foreach (var child in result.StartedChildren)
        {
            await StartChildAsync(result.State.Id, child);
        }

        if (result.State.ParentId is { } parentId && result.State.SubStatus != WorkflowSubStatus.Executing)
        {
            await ResumeParentAsync(parentId, result.State.Id, result.State.SubStatus, ChildWorkflowWait.Outcome(result.State));
        }
    }

    private async Task StartChildAsync(string parentId, ChildWorkflowStart child)
    {
        if (Load(child.InstanceId) is { } existing)
        {
            // A repeated execution asked for the child its first attempt started: the parent waits for that one.
            await ResumeParentAsync(parentId, existing.Id, existing.SubStatus, ChildWorkflowWait.Outcome(existing));
            return;
        }

        if (!_published.TryGetValue(child.DefinitionId, out var workflow))
        {
            await ResumeParentAsync(parentId, child.InstanceId, WorkflowSubStatus.Faulted,
                ChildWorkflowWait.NotStarted(child.InstanceId, $"No published version of workflow definition with ID {child.DefinitionId} found."));
            return;
        }

        var state = runner.CreateInstance(workflow, child.ToStartRequest(parentId));
        _children.GetOrAdd(parentId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[state.Id] = 0;
        var run = RunLockedAsync(state.Id, _ => runner.RunAsync(workflow, state));
        if (child.RunNow)
        {
            await run;
        }
        else
        {
            Track(run);
        }
    }

    private Task ResumeParentAsync(string parentId, string childId, WorkflowSubStatus childSubStatus, Dictionary<string, object?> outcome) =>
        RunLockedAsync(parentId, async state =>
        {
            var bookmark = state is { Status: WorkflowStatus.Running } ? state.Bookmarks.Find(b => ChildWorkflowWait.Resumes(b, childId, childSubStatus)) : null;
            return bookmark is null ? null : await runner.ResumeAsync(VersionOf(state!), state!, bookmark.Id, outcome);
        });

    private async Task CancelChildrenAsync(string parentId)
    {
        foreach (var childId in GetChildren(parentId))
        {
            if (Load(childId) is { Status: WorkflowStatus.Running })
            {
                await CancelAsync(childId);
            }
        }
    }
}

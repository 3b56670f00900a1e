using System.Security.Cryptography;
using System.Text;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Composition;

/// <summary>
/// How a parent waits for a child instance: a bookmark whose correlation is the child's id, resumed by the host with
/// <see cref="Outcome"/> when the child has ended (or, for <see cref="SettledName"/>, stopped executing). Hosts resume
/// it from the child's saved state, so the resume can be repeated by a sweep after a crash.
/// </summary>
public static class ChildWorkflowWait
{
    /// <summary>The bookmark of a parent waiting for its child to end (finished, faulted or cancelled).</summary>
    public const string EndedName = "KitchenWorkflows.ChildWorkflowEnded";

    /// <summary>The bookmark of a parent waiting for its child to end or to wait itself (Elsa's ExecuteWorkflow without waitForCompletion).</summary>
    public const string SettledName = "KitchenWorkflows.ChildWorkflowSettled";

    /// <summary>Both bookmark names.</summary>
    public static IReadOnlyList<string> Names { get; } = [EndedName, SettledName];

    /// <summary>
    /// The child id of an activity execution: the same for every attempt of it (a parent run repeated after a crash
    /// asks for the child the first attempt started) and different for any other execution.
    /// </summary>
    public static string ChildInstanceId(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("child:" + context.IdempotencyKey)))[..32];
    }

    /// <summary>Whether a child in <paramref name="childSubStatus"/> resumes <paramref name="bookmark"/> of its parent.</summary>
    public static bool Resumes(Bookmark bookmark, string childInstanceId, WorkflowSubStatus childSubStatus)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        return bookmark.CorrelationId == childInstanceId && bookmark.Name switch
        {
            EndedName => IsEnded(childSubStatus),
            SettledName => childSubStatus != WorkflowSubStatus.Executing,
            _ => false,
        };
    }

    /// <summary>Whether the sub-status is an end (finished, faulted, cancelled).</summary>
    public static bool IsEnded(WorkflowSubStatus subStatus) =>
        subStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Faulted or WorkflowSubStatus.Cancelled;

    /// <summary>
    /// The stimulus that resumes the parent: Elsa's <c>ExecuteWorkflowResult</c> (instance id, correlation, status,
    /// sub-status, output) and, for a faulted child, the message of its newest incident.
    /// </summary>
    public static Dictionary<string, object?> Outcome(WorkflowInstanceState child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["workflowInstanceId"] = child.Id,
            ["correlationId"] = child.CorrelationId,
            ["status"] = child.Status.ToString(),
            ["subStatus"] = child.SubStatus.ToString(),
            ["output"] = new Dictionary<string, object?>(child.Output, StringComparer.Ordinal),
            [FaultKey] = child.SubStatus == WorkflowSubStatus.Faulted ? child.Incidents.LastOrDefault()?.Message ?? "The child workflow faulted." : null,
        };
    }

    /// <summary>The stimulus for a child that could not be started (its definition has no published version): a fault.</summary>
    public static Dictionary<string, object?> NotStarted(string childInstanceId, string message) => new(StringComparer.Ordinal)
    {
        ["workflowInstanceId"] = childInstanceId,
        ["status"] = WorkflowStatus.Finished.ToString(),
        ["subStatus"] = WorkflowSubStatus.Faulted.ToString(),
        ["output"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        [FaultKey] = message,
    };

    /// <summary>The fault message of an outcome; null when the child did not fault.</summary>
    public static string? FaultOf(object? outcome) =>
        outcome is IDictionary<string, object?> values && values.TryGetValue(FaultKey, out var fault) ? fault as string : null;

    /// <summary>The outcome as the activity's result: Elsa's <c>ExecuteWorkflowResult</c>, without the fault.</summary>
    public static Dictionary<string, object?> ResultOf(object? outcome) =>
        outcome is IDictionary<string, object?> values
            ? values.Where(p => p.Key != FaultKey).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private const string FaultKey = "fault";
}

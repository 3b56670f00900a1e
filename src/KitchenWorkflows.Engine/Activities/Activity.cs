using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// The base of every activity. A subclass declares itself with <see cref="ActivityAttribute"/>, its
/// inputs as <see cref="Input{T}"/> properties marked <see cref="InputAttribute"/>, and its work in
/// <see cref="ExecuteAsync"/>. The engine makes one instance per definition node and binds its
/// inputs once, so an activity must keep no per-execution state in fields.
/// </summary>
public abstract class Activity
{
    /// <summary>The default outcome port.</summary>
    public const string DonePort = "Done";

    /// <summary>The definition node this instance is bound to.</summary>
    public ActivityNode Node { get; internal set; } = new();

    /// <summary>The descriptor of this activity type.</summary>
    public ActivityDescriptor Descriptor { get; internal set; } = null!;

    /// <summary>
    /// The key of this activity in its compiled workflow: its id, prefixed with the using node's key and a colon
    /// inside a workflow used as an activity (whose ids may repeat the consumer's). State is kept by this key.
    /// </summary>
    public string Key
    {
        get => _key ?? Node.Id;
        internal set => _key = value;
    }

    /// <summary>The definition whose node this is: the consumer's, or the used workflow's.</summary>
    public WorkflowDefinition Definition { get; internal set; } = new();

    private string? _key;

    /// <summary>Does the work and says how to continue.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context);

    /// <summary>Continues after a bookmark this activity made was resumed, with the stimulus payload.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload) =>
        ValueTask.FromResult(ActivityResult.Done);

    /// <summary>The outcome ports of this node; dynamic activities compute them from their literal inputs.</summary>
    public virtual IReadOnlyList<string> GetOutcomes() => Descriptor.Outcomes;

    /// <summary>How this node joins several inbound connections.</summary>
    public virtual MergeMode GetMergeMode() =>
        Enum.TryParse<MergeMode>(Node.MergeMode, ignoreCase: true, out var mode) ? mode : MergeMode.Stream;

    /// <summary>Checks inputs beyond "required" (a cron expression that parses, a variable that is declared).</summary>
    /// <param name="context">The definition and an expression checker.</param>
    /// <returns>Problems as (property path below the activity, message); empty when valid.</returns>
    public virtual IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context) => [];
}

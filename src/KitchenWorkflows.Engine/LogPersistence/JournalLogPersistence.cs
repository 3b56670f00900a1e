using System.Runtime.CompilerServices;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.LogPersistence;

/// <summary>
/// Decides, as Elsa 3 does, whether an execution's journal entry keeps what the activity wrote from its inputs (its
/// message). An input's mode comes from the activity's <c>customProperties</c> (per input, else the activity's
/// default), else the workflow's <c>customProperties</c> default, else Include; Inherit at a level means the level above.
/// The message renders the inputs, so it is kept only when every input of the activity is included: one input
/// excluded for personal data keeps the whole line out. The decision is made once per activity node unless a setting
/// is an expression, which is evaluated on each execution (an expression that fails inherits, as in Elsa).
/// </summary>
internal static class JournalLogPersistence
{
    private static readonly ConditionalWeakTable<Activity, Plan> Plans = new();

    /// <summary>Whether the journal entry of this execution keeps the activity's message.</summary>
    public static bool KeepsMessage(ActivityExecutionContext context)
    {
        var plan = Plans.GetValue(context.Activity, activity => Plan.For(context.Workflow.Definition, activity));
        return plan.KeepsMessage ?? Decide(plan, mode => Evaluate(mode, context));
    }

    private static bool Decide(Plan plan, Func<LogPersistenceEntry, LogPersistenceMode> value)
    {
        var workflowDefault = Default(plan.Workflow, LogPersistenceMode.Include, value);
        var activityDefault = Default(plan.Activity, workflowDefault, value);
        if (plan.InputNames.Count == 0)
        {
            return activityDefault == LogPersistenceMode.Include;
        }

        return plan.InputNames.All(name =>
        {
            var mode = plan.Activity.Inputs.TryGetValue(name, out var entry) ? value(entry) : LogPersistenceMode.Inherit;
            return (mode == LogPersistenceMode.Inherit ? activityDefault : mode) == LogPersistenceMode.Include;
        });
    }

    private static LogPersistenceMode Default(LogPersistenceSettings settings, LogPersistenceMode fallback, Func<LogPersistenceEntry, LogPersistenceMode> value) =>
        settings.Default is { } entry && value(entry) is var mode && mode != LogPersistenceMode.Inherit ? mode : fallback;

    private static LogPersistenceMode Fixed(LogPersistenceEntry entry) => entry.Mode;

    private static LogPersistenceMode Evaluate(LogPersistenceEntry entry, ActivityExecutionContext context)
    {
        if (entry.Expression is null)
        {
            return entry.Mode;
        }

        try
        {
            return LogPersistenceEntry.TryParseMode(context.Evaluate(entry.Expression), out var mode) ? mode : LogPersistenceMode.Inherit;
        }
        catch (Exception ex) when (ex is KitchenWorkflowsException or InvalidOperationException or FormatException)
        {
            return LogPersistenceMode.Inherit;
        }
    }

    /// <summary>The settings of one node; <see cref="KeepsMessage"/> is known ahead when no setting is an expression.</summary>
    private sealed record Plan(LogPersistenceSettings Workflow, LogPersistenceSettings Activity, IReadOnlyList<string> InputNames)
    {
        public bool? KeepsMessage { get; private init; }

        public static Plan For(WorkflowDefinition definition, Activity activity)
        {
            var plan = new Plan(
                LogPersistenceSettings.Read(definition.Extensions["customProperties"]),
                LogPersistenceSettings.Read(activity.Node.CustomProperties),
                [.. activity.Descriptor.Inputs.Select(i => i.Name)]);
            return plan.Workflow.HasExpressions || plan.Activity.HasExpressions ? plan : plan with { KeepsMessage = Decide(plan, Fixed) };
        }
    }
}

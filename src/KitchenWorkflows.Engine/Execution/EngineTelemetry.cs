using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// The engine's traces and metrics, on System.Diagnostics so the engine needs no telemetry package:
/// a host subscribes to <see cref="SourceName"/> (OpenTelemetry's AddSource/AddMeter) to export them.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "KitchenWorkflows.Engine";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> InstancesStarted = Meter.CreateCounter<long>(
        "kitchenworkflows.instances.started", unit: "{instance}", description: "Instances started, by definition.");

    private static readonly Counter<long> InstancesEnded = Meter.CreateCounter<long>(
        "kitchenworkflows.instances.ended", unit: "{instance}", description: "Instances that finished, faulted or were cancelled, by definition and sub-status.");

    private static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>(
        "kitchenworkflows.activity.duration", unit: "ms", description: "Duration of one activity execution, by activity type and how it ended.");

    internal static Activity? StartActivitySpan(WorkflowExecutionContext context, Activities.Activity activity)
    {
        var span = Source.StartActivity(activity.Node.Type, ActivityKind.Internal);
        if (span is not null)
        {
            span.SetTag("workflow.instance_id", context.State.Id);
            span.SetTag("workflow.definition_id", context.State.DefinitionId);
            span.SetTag("workflow.definition_version", context.State.DefinitionVersion);
            span.SetTag("workflow.correlation_id", context.State.CorrelationId);
            span.SetTag("workflow.activity_id", activity.Node.Id);
        }

        return span;
    }

    internal static void ActivityEnded(JournalEntry entry)
    {
        ActivityDuration.Record(
            (entry.CompletedAt - entry.StartedAt).TotalMilliseconds,
            new KeyValuePair<string, object?>("activity_type", entry.ActivityType),
            new KeyValuePair<string, object?>("status", entry.Status.ToString()));
        if (System.Diagnostics.Activity.Current is { Source.Name: SourceName } span)
        {
            span.SetTag("workflow.activity_status", entry.Status.ToString());
            if (entry.Error is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, entry.Error);
            }
        }
    }

    internal static void InstanceStarted(WorkflowInstanceState state) =>
        InstancesStarted.Add(1, new KeyValuePair<string, object?>("definition_id", state.DefinitionId));

    internal static void InstanceEnded(WorkflowInstanceState state) =>
        InstancesEnded.Add(1,
            new KeyValuePair<string, object?>("definition_id", state.DefinitionId),
            new KeyValuePair<string, object?>("sub_status", state.SubStatus.ToString()));
}

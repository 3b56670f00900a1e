namespace KitchenWorkflows.Engine.Execution;

/// <summary>An activity a composite scheduled, queued to execute in the composite's frame.</summary>
/// <param name="ActivityId">The activity's key.</param>
/// <param name="FrameId">The frame it runs in.</param>
public sealed record ScheduledActivity(string ActivityId, string FrameId);

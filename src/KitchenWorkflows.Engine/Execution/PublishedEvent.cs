namespace KitchenWorkflows.Engine.Execution;

/// <summary>An event a workflow published; the host delivers it after saving the run.</summary>
/// <param name="EventName">The event name.</param>
/// <param name="CorrelationId">The correlation, if any.</param>
/// <param name="Payload">The payload.</param>
public sealed record PublishedEvent(string EventName, string? CorrelationId, object? Payload);

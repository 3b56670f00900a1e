namespace KitchenWorkflows.Engine.Activities;

/// <summary>What an activity asks to wait for.</summary>
/// <param name="Name">The event name, or the activity type for due-time waits.</param>
/// <param name="CorrelationId">The correlation an event must carry, if any.</param>
/// <param name="DueAt">When a due-time wait ends.</param>
/// <param name="Payload">State to keep until resumption.</param>
public sealed record BookmarkRequest(
    string Name,
    string? CorrelationId = null,
    DateTimeOffset? DueAt = null,
    Dictionary<string, object?>? Payload = null);

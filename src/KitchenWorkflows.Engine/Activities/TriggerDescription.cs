namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// What a trigger listens for: one member per kind of stimulus a host delivers, set by the triggers that listen for
/// it. A new kind of stimulus is a new member here, read by the host that delivers it.
/// </summary>
public sealed record TriggerDescription
{
    /// <summary>A trigger that listens for nothing (an input it needs is not a literal).</summary>
    public static TriggerDescription Nothing { get; } = new();

    /// <summary>The event that starts an instance, with the event's payload as the trigger's payload.</summary>
    public string? EventName { get; init; }

    /// <summary>The schedule on which instances start.</summary>
    public TriggerSchedule? Schedule { get; init; }

    /// <summary>The HTTP route whose requests start an instance, with the request as the trigger's payload.</summary>
    public Http.HttpEndpointRoute? Http { get; init; }
}

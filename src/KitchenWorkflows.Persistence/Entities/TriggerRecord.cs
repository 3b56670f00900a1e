namespace KitchenWorkflows.Persistence.Entities;

/// <summary>A trigger of a published definition version, indexed by what it describes (<see cref="Engine.Activities.ITrigger"/>) at publish.</summary>
public sealed class TriggerRecord
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The definition id.</summary>
    public required string DefinitionId { get; set; }

    /// <summary>The published version.</summary>
    public int Version { get; set; }

    /// <summary>The trigger activity.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The trigger's activity type (<c>Elsa.Event</c>, <c>Elsa.Cron</c>, <c>Elsa.Timer</c>).</summary>
    public required string ActivityType { get; set; }

    /// <summary>The event it listens for, when it listens for one: what a delivery looks triggers up by.</summary>
    public string? EventName { get; set; }
}

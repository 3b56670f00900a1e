namespace KitchenWorkflows.Engine.Strategies;

/// <summary>What an activity's fault does to its instance (Elsa 3's incident strategies, <c>options.incidentStrategyType</c>).</summary>
public enum IncidentStrategy
{
    /// <summary>The instance faults and stops (Elsa's <c>FaultStrategy</c>, the default).</summary>
    Fault,

    /// <summary>
    /// The incident is recorded and the instance runs on: the faulted activity's path ends there, every other branch
    /// continues, and the instance finishes (with its incidents) when nothing is left (Elsa's <c>ContinueWithIncidentsStrategy</c>).
    /// </summary>
    ContinueWithIncidents,
}

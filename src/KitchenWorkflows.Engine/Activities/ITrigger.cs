namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// An activity that can start its workflow: marked <c>canStartWorkflow</c> in a published definition, it starts an
/// instance whenever what it describes happens. Implementing this interface is all a new trigger type does; the hosts
/// read the description (they index the event name at publish, schedule the schedule) and never look at the type.
/// </summary>
public interface ITrigger
{
    /// <summary>
    /// What this trigger listens for, read from its literal inputs once per compiled version. An input given as an
    /// expression has no value before an instance exists, so a trigger that needs it listens for nothing.
    /// </summary>
    TriggerDescription Describe();
}

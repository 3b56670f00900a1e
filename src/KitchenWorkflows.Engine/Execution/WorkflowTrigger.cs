using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>A trigger of a compiled workflow: its activity and what it listens for.</summary>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="ActivityType">Its type name (<c>Elsa.Event</c>, say).</param>
/// <param name="ListensFor">What starts an instance from it.</param>
public sealed record WorkflowTrigger(string ActivityId, string ActivityType, TriggerDescription ListensFor);

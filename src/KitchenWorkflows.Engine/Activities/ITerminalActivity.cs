namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// Marks an activity (Elsa's <c>ITerminalNode</c>: End, Break, Complete) whose completion completes the
/// flowchart or Sequence that holds it at once, dropping whatever else still runs or waits in it.
/// </summary>
public interface ITerminalActivity;

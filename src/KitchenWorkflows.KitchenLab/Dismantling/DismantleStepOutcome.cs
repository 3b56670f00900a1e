namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>How a service centre's step on a task (schedule, report, reject) ended.</summary>
public enum DismantleStepOutcome
{
    /// <summary>The task took the step.</summary>
    Done,

    /// <summary>The centre has no such task (another centre's task is not found either).</summary>
    NotFound,

    /// <summary>The task does not wait for this step in its current status.</summary>
    NotAwaited,

    /// <summary>The task's waits were re-armed (by an escalation) on every attempt to deliver the step.</summary>
    KeptChanging,
}

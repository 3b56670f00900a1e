namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>The end of a service centre's step on a task.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Task">The task after the step (<see cref="DismantleStepOutcome.Done"/>) or as it was found (<see cref="DismantleStepOutcome.NotAwaited"/>); otherwise null.</param>
public sealed record DismantleStepResult(DismantleStepOutcome Outcome, DismantleTask? Task);

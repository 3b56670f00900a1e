namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Commits the progress of a long run, as Elsa's commit strategies do: the instance's state as it is now (still
/// executing, its queue not empty) and the journal entries since the last commit. A host that persists instances gives
/// one to the runner, so that a run of thousands of activity executions writes in small steps, and a crash resumes
/// from the last commit instead of from the start.
/// </summary>
/// <param name="progress">The state so far and the journal entries not yet committed.</param>
/// <param name="cancellationToken">The run's token.</param>
public delegate Task RunCommit(RunResult progress, CancellationToken cancellationToken);

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// The activity execution one script evaluation may touch, until the evaluation ends. A script that overran its time
/// limit keeps running on its own thread; once detached, every workflow access it makes throws instead of changing an
/// instance the runner has already moved on with.
/// </summary>
internal sealed class ScriptSession(ActivityExecutionContext context)
{
    private volatile bool _detached;

    /// <summary>The execution, while the evaluation lasts.</summary>
    /// <exception cref="ObjectDisposedException">The evaluation has ended (the script overran its time limit).</exception>
    public ActivityExecutionContext Context => _detached
        ? throw new ObjectDisposedException(nameof(ScriptSession), "The script ran past its time limit; the workflow has moved on.")
        : context;

    /// <summary>Outcomes the script chose with <c>Outcome.Set(...)</c>, if any.</summary>
    public IReadOnlyList<string>? Outcomes { get; set; }

    /// <summary>Cuts the script off from the workflow.</summary>
    public void Detach() => _detached = true;
}

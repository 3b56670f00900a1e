using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Execution;

public sealed partial class ActivityExecutionContext
{
    /// <summary>Whether this execution belongs to a test run, whose outside calls are recorded instead of made.</summary>
    public bool IsDryRun => Workflow.State.DryRun;

    /// <summary>
    /// Makes a call to an outside system, or, in a test run, records it as withheld (<see cref="WorkflowInstanceState.WithheldCalls"/>)
    /// and answers <paramref name="dryAnswer"/> without calling. <paramref name="call"/> runs only for real, so it is where the
    /// client is resolved: a test run needs no gateway settings.
    /// </summary>
    /// <param name="system">The outside system, such as <c>SMS gateway</c>.</param>
    /// <param name="action">What the call does, such as <c>send SMS</c>.</param>
    /// <param name="details">What it sends (the number and the text, say), shown where the test run is viewed.</param>
    /// <param name="call">The real call.</param>
    /// <param name="dryAnswer">What a test run takes as the call's answer.</param>
    public async Task<T> CallOutsideAsync<T>(string system, string action, IReadOnlyDictionary<string, object?> details, Func<Task<T>> call, T dryAnswer)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(call);
        if (!IsDryRun)
        {
            return await call();
        }

        (Workflow.State.WithheldCalls ??= []).Add(new WithheldCall
        {
            ActivityId = Activity.Key,
            System = system,
            Action = action,
            Details = details.ToDictionary(d => d.Key, d => PlainValues.Normalize(d.Value), StringComparer.Ordinal),
            Timestamp = Now,
        });
        return dryAnswer;
    }

    /// <summary>A call that answers nothing; see <see cref="CallOutsideAsync{T}"/>.</summary>
    public Task CallOutsideAsync(string system, string action, IReadOnlyDictionary<string, object?> details, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CallOutsideAsync(system, action, details, async () =>
        {
            await call();
            return true;
        }, dryAnswer: true);
    }
}

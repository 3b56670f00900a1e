using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Alterations;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>Alterations (<see cref="InstanceAlterer"/>): tried on a copy for a dry run, or applied under the instance's lease.</summary>
public sealed partial class DurableWorkflowRuntime
{
    /// <summary>What the alterations would do to an instance, changing nothing; null when there is no such instance.</summary>
    public async Task<InstanceAlterationReport?> DryRunAlterationsAsync(string instanceId, IReadOnlyList<Alteration> alterations, CancellationToken cancellationToken = default)
    {
        if (await instances.GetAsync(instanceId, cancellationToken) is not { } state)
        {
            return null;
        }

        if (HasEnded(state))
        {
            return new InstanceAlterationReport(state.Id, state.DefinitionId, state.DefinitionVersion, state.SubStatus, false, false,
                [.. alterations.Select(a => new AlterationStep(a.Type, false, EndedMessage(state)))]);
        }

        var workflow = await workflows.GetAsync(state.DefinitionId, state.DefinitionVersion, cancellationToken);
        var (report, _) = await AlterAsync(state, workflow, alterations, "dry run", cancellationToken);
        return report;
    }

    /// <summary>
    /// Alters an instance under its lease, in one save with the journal entries of the changes (and of the run that a
    /// scheduled or cancelled activity leads to), only if it was last saved at <paramref name="lastUpdatedAt"/> (a plan's
    /// snapshot, as <see cref="RetryAsync(string, DateTimeOffset?, CancellationToken)"/>). When an alteration does not apply, nothing is saved.
    /// </summary>
    /// <exception cref="WorkflowRuntimeException">The instance does not exist, has ended, or changed since.</exception>
    public async Task<InstanceAlterationReport> AlterAsync(string instanceId, IReadOnlyList<Alteration> alterations, string by, DateTimeOffset? lastUpdatedAt, CancellationToken cancellationToken)
    {
        InstanceAlterationReport? report = null;
        await WithInstanceAsync(instanceId, async (workflow, state, _) =>
        {
            ThrowIfChangedSince(state, lastUpdatedAt);
            if (HasEnded(state))
            {
                throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, EndedMessage(state));
            }

            (report, var outcome) = await AlterAsync(state, workflow, alterations, by, cancellationToken);
            if (!outcome.Applies || !outcome.Changed)
            {
                return null;
            }

            if (!outcome.RunsOn)
            {
                state.UpdatedAt = clock.GetUtcNow();
                return new RunResult { State = state, Journal = outcome.Journal, CreatedBookmarks = [], PublishedEvents = [] };
            }

            // One save for the change and the run it leads to: no commit of progress between them, which would store the
            // run's entries before the alteration's.
            state.SubStatus = WorkflowSubStatus.Executing;
            var run = await runner.RunAsync(outcome.Workflow, state, cancellationToken);
            return run with { Journal = [.. outcome.Journal, .. run.Journal] };
        }, cancellationToken);
        return report ?? throw NotFound(instanceId);
    }

    private async Task<(InstanceAlterationReport Report, AlterationOutcome Outcome)> AlterAsync(
        WorkflowInstanceState state, CompiledWorkflow workflow, IReadOnlyList<Alteration> alterations, string by, CancellationToken cancellationToken)
    {
        var (version, subStatus) = (state.DefinitionVersion, state.SubStatus);
        var targets = new Dictionary<int, CompiledWorkflow?>();
        foreach (var target in alterations.OfType<MigrateAlteration>().Select(m => m.TargetVersion).Distinct())
        {
            targets[target] = await TryGetVersionAsync(state.DefinitionId, target, cancellationToken);
        }

        var outcome = InstanceAlterer.Apply(state, workflow, alterations, v => targets.GetValueOrDefault(v), by, clock.GetUtcNow());
        return (new InstanceAlterationReport(state.Id, state.DefinitionId, version, subStatus, outcome.Applies, outcome.Applies && outcome.Changed, outcome.Steps), outcome);
    }

    private static bool HasEnded(WorkflowInstanceState state) =>
        state.Status == WorkflowStatus.Finished && state.SubStatus != WorkflowSubStatus.Faulted;

    private static string EndedMessage(WorkflowInstanceState state) =>
        $"Instance {state.Id} is {state.SubStatus}: only running and faulted instances can be altered.";
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Alterations;

/// <summary>What a list of alterations did to an instance state (<see cref="InstanceAlterer"/>).</summary>
/// <param name="Steps">Each alteration's step, in order; those after the first that does not apply are not tried.</param>
/// <param name="Workflow">The version the state runs now (the target of a migration).</param>
/// <param name="Journal">The journal entries of the changes; none when nothing changed.</param>
/// <param name="RunsOn">Whether the pending work changed (an activity scheduled or cancelled), so the instance must run on.</param>
public sealed record AlterationOutcome(IReadOnlyList<AlterationStep> Steps, CompiledWorkflow Workflow, IReadOnlyList<JournalEntry> Journal, bool RunsOn)
{
    /// <summary>Whether every alteration applies; otherwise the state must be thrown away, not saved.</summary>
    public bool Applies => Steps.All(s => s.Applies);

    /// <summary>Whether the state changed at all (a migration to the version it runs already changes nothing).</summary>
    public bool Changed => Journal.Count > 0;
}

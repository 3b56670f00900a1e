using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// A validated definition ready to run: its activities bound to their inputs, its graph indexed and
/// its start found. Immutable and shared by every instance of that definition version; hosts cache it.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(WorkflowDefinition definition, IReadOnlyDictionary<string, Activity> activities, FlowGraph graph, string? startActivityId)
    {
        Definition = definition;
        Activities = activities;
        Graph = graph;
        StartActivityId = startActivityId;
        Variables = definition.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Triggers = [.. definition.Root.Activities
            .Where(n => n.CanStartWorkflow)
            .Select(n => (Node: n, Activity: activities[n.Id]))
            .Where(a => a.Activity is ITrigger)
            .Select(a => new WorkflowTrigger(a.Node.Id, a.Node.Type, ((ITrigger)a.Activity).Describe()))];
    }

    /// <summary>The definition; hosts must not change it once compiled.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>
    /// The bound activities by <see cref="Activity.Key"/>: the root flowchart's and the nested ones by id, those of
    /// workflows used as activities by their prefixed keys.
    /// </summary>
    public IReadOnlyDictionary<string, Activity> Activities { get; }

    /// <summary>The indexed connections.</summary>
    public FlowGraph Graph { get; }

    /// <summary>Where a plain start begins; null for an empty flowchart.</summary>
    public string? StartActivityId { get; }

    /// <summary>The declared variables by name.</summary>
    public IReadOnlyDictionary<string, VariableDefinition> Variables { get; }

    /// <summary>The <see cref="ITrigger"/> activities marked <c>canStartWorkflow</c>, each with what it listens for.</summary>
    public IReadOnlyList<WorkflowTrigger> Triggers { get; }

    /// <summary>The definition id.</summary>
    public string DefinitionId => Definition.DefinitionId;

    /// <summary>The definition version.</summary>
    public int Version => Definition.Version;
}

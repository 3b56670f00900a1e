using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// Validates a definition and binds it into a <see cref="CompiledWorkflow"/>: every node, nested ones included,
/// and the published workflows it uses as activities, compiled into it (each under its node's key).
/// </summary>
public sealed class WorkflowCompiler(ActivityRegistry registry, WorkflowValidator validator, IWorkflowActivitySource? workflows = null)
{
    private readonly IWorkflowActivitySource _workflows = workflows ?? new NoWorkflowActivities();

    /// <summary>Compiles a definition.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition has problems; all of them are listed.</exception>
    public CompiledWorkflow Compile(WorkflowDefinition definition)
    {
        var errors = validator.Validate(definition);
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }

        var activities = new Dictionary<string, Activity>(StringComparer.Ordinal);
        var expanding = new Stack<string>([definition.DefinitionId]);
        for (var i = 0; i < definition.Root.Activities.Count; i++)
        {
            var path = definition.Root.IsSingleActivity ? "$.root" : $"$.root.activities[{i}]";
            Bind(definition.Root.Activities[i], path, definition, "", activities, expanding);
        }

        var start = StartActivity.Find(definition.Root);
        return new CompiledWorkflow(definition, activities, new FlowGraph(definition.Root, start), start);
    }

    private Activity Bind(ActivityNode node, string path, WorkflowDefinition owner, string prefix, Dictionary<string, Activity> activities, Stack<string> expanding)
    {
        var activity = ActivityBinder.Bind(registry, _workflows, node, owner)
            ?? throw new WorkflowDefinitionException([new ValidationError(path + ".type", $"Unknown activity type '{node.Type}'.")]);
        activity.Key = prefix + node.Id;
        activities[activity.Key] = activity;
        if (activity is WorkflowActivity used)
        {
            BindUsed(used, path, activities, expanding);
        }
        else if (activity is CompositeActivity composite)
        {
            composite.Attach([.. node.Nested.Select(n => (n, Bind(n.Node, $"{path}.{n.RelativePath}", owner, prefix, activities, expanding)))]);
        }

        return activity;
    }

    // The used workflow's activities are keyed below the using node, so that two uses (or ids it shares with
    // the consumer) never collide; a workflow already being expanded on this path would expand forever.
    private void BindUsed(WorkflowActivity used, string path, Dictionary<string, Activity> activities, Stack<string> expanding)
    {
        var definition = used.Used;
        if (expanding.Contains(definition.DefinitionId))
        {
            throw new WorkflowDefinitionException([new ValidationError(path + ".type",
                $"The workflow '{definition.Name}' uses itself ({string.Join(" → ", expanding.Reverse().Append(definition.DefinitionId))}).")]);
        }

        expanding.Push(definition.DefinitionId);
        var root = definition.Root.IsSingleActivity ? definition.Root.RootActivity! : new ActivityNode
        {
            Id = definition.Root.Id,
            Type = FlowchartDefinition.TypeName,
            Flowchart = definition.Root,
            Nested = [.. definition.Root.Activities.Select((a, i) => new NestedActivity(NestedActivities.ActivitiesSlot, i, a))],
        };
        var child = Bind(root, $"{path}(used workflow {definition.DefinitionId}).root", definition, used.Key + ":", activities, expanding);
        used.Attach([(new NestedActivity("root", null, root), child)]);
        expanding.Pop();
    }
}

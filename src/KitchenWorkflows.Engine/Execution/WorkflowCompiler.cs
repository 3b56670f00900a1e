using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>Validates a definition and binds it into a <see cref="CompiledWorkflow"/>.</summary>
public sealed class WorkflowCompiler(ActivityRegistry registry, WorkflowValidator validator)
{
    /// <summary>Compiles a definition.</summary>
    /// <exception cref="WorkflowDefinitionException">The definition has problems; all of them are listed.</exception>
    public CompiledWorkflow Compile(WorkflowDefinition definition)
    {
        var errors = validator.Validate(definition);
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }

        var activities = definition.Root.Activities.ToDictionary(n => n.Id, n => registry.Bind(n)!, StringComparer.Ordinal);
        var start = StartActivity.Find(definition.Root);
        return new CompiledWorkflow(definition, activities, new FlowGraph(definition.Root, start), start);
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Sets a workflow variable. The variable is named the way Elsa writes it: a <c>variable</c> property
/// holding the variable's <c>name</c> (and <c>id</c>), next to the <c>value</c> input.
/// </summary>
[Activity("Elsa.SetVariable", Description = "Set a workflow variable.")]
public sealed class SetVariable : Activity
{
    /// <summary>The value to assign.</summary>
    [Input(Description = "The value to assign.")]
    public Input<object> Value { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var variable = Find(context.Workflow.Definition)
            ?? throw new InvalidOperationException("The variable to set is not declared.");
        context.SetVariable(variable.Name, context.Get(Value));
        return ValueTask.FromResult(ActivityResult.Done);
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (Node.Extensions["variable"] is not JsonObject)
        {
            yield return ("variable", "Choose the variable to set.");
        }
        else if (Find(context.Definition) is null)
        {
            yield return ("variable", "The variable to set is not declared in this workflow.");
        }
    }

    private VariableDefinition? Find(WorkflowDefinition definition)
    {
        if (Node.Extensions["variable"] is not JsonObject reference)
        {
            return null;
        }

        var id = reference["id"] is JsonValue i && i.TryGetValue(out string? idText) ? idText : null;
        var name = reference["name"] is JsonValue n && n.TryGetValue(out string? nameText) ? nameText : null;
        return definition.Variables.Find(v => (id is not null && v.Id == id) || (name is not null && v.Name == name));
    }
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>Reads a workflow variable, named by the expression (a name, or an object with <c>name</c> or <c>id</c>).</summary>
public sealed class VariableEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Variable;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context)
    {
        var variable = Find(expression, context.Definition)
            ?? throw new InvalidOperationException($"The variable '{expression.Text}' is not declared.");
        return context.GetVariable(variable.Name);
    }

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition) =>
        Find(expression, definition) is null ? $"The variable '{expression.Text}' is not declared." : null;

    private static VariableDefinition? Find(WorkflowExpression expression, WorkflowDefinition definition)
    {
        if (expression.Value is JsonObject reference)
        {
            // A reference of the wrong JSON type names no variable; GetValue<string> would throw out of validation.
            var id = reference["id"] is JsonValue i && i.TryGetValue(out string? idText) ? idText : null;
            var name = reference["name"] is JsonValue n && n.TryGetValue(out string? nameText) ? nameText : null;
            return definition.Variables.Find(v => (id is not null && v.Id == id) || (name is not null && v.Name == name));
        }

        return definition.Variables.Find(v => v.Name == expression.Text);
    }
}

using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>A literal is its own value.</summary>
public sealed class LiteralEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Literal;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context) => PlainValues.FromJson(expression.Value);

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition) => null;
}

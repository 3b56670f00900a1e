using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>Evaluates one expression syntax.</summary>
public interface IExpressionEvaluator
{
    /// <summary>The syntax name, as written in <c>expression.type</c>.</summary>
    string Type { get; }

    /// <summary>Evaluates the expression for an activity execution.</summary>
    object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context);

    /// <summary>Checks that the expression compiles against the definition; null when it does.</summary>
    string? Check(WorkflowExpression expression, WorkflowDefinition definition);
}

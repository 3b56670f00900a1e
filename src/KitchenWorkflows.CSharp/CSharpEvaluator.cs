using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;

namespace KitchenWorkflows.CSharp;

/// <summary>Elsa's <c>CSharp</c> expressions: the code's value (a last expression, or <c>return</c>), with the globals of <see cref="CSharpGlobals"/>.</summary>
public sealed class CSharpEvaluator(CSharpScripts scripts) : IExpressionEvaluator
{
    /// <summary>The syntax name, as Elsa writes it in <c>expression.type</c>.</summary>
    public const string SyntaxName = "CSharp";

    /// <inheritdoc />
    public string Type => SyntaxName;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return scripts.Run(expression.Text, new ScriptSession(context));
    }

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return scripts.Check(expression.Text, definition);
    }
}

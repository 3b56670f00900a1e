namespace KitchenWorkflows.Engine.Definitions;

/// <summary>The expression syntaxes the engine evaluates.</summary>
public static class ExpressionTypes
{
    /// <summary>A constant, converted to the input's type.</summary>
    public const string Literal = "Literal";

    /// <summary>JavaScript run by Jint with Elsa's script globals.</summary>
    public const string JavaScript = "JavaScript";

    /// <summary>A Liquid template rendered by Fluid.</summary>
    public const string Liquid = "Liquid";

    /// <summary>The value of a workflow variable, named by the expression.</summary>
    public const string Variable = "Variable";

    /// <summary>An object or array written as JSON text (Elsa's <c>Object</c> expression).</summary>
    public const string Object = "Object";

    /// <summary>Whether an expression is a literal; syntax names match without regard to case, as evaluator lookup does.</summary>
    public static bool IsLiteral(WorkflowExpression? expression) =>
        expression is not null && string.Equals(expression.Type, Literal, StringComparison.OrdinalIgnoreCase);
}

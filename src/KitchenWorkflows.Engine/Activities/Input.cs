using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>Untyped view of an activity input, used by the binder and the validator.</summary>
public interface IInput
{
    /// <summary>The expression from the definition, or null when the input was left empty.</summary>
    WorkflowExpression? Expression { get; }

    /// <summary>The CLR type the value is converted to.</summary>
    Type ValueType { get; }
}

/// <summary>
/// A typed activity input bound to the expression the definition gives it. Literals are converted
/// once and cached; other expressions are evaluated on each execution through the execution context.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class Input<T> : IInput
{
    private readonly Lazy<T?>? _literal;

    /// <summary>An input with no expression and no default.</summary>
    public Input()
    {
    }

    /// <summary>An input bound to an expression.</summary>
    public Input(WorkflowExpression? expression)
    {
        Expression = expression;
        if (ExpressionTypes.IsLiteral(expression))
        {
            _literal = new Lazy<T?>(() => ValueConverter.ConvertTo<T>(LiteralValue(expression!)));
        }
    }

    /// <inheritdoc />
    public WorkflowExpression? Expression { get; }

    /// <inheritdoc />
    public Type ValueType => typeof(T);

    /// <summary>Whether the value is a literal (known without evaluating anything).</summary>
    public bool IsLiteral => _literal is not null;

    /// <summary>The converted literal; only valid when <see cref="IsLiteral"/>.</summary>
    public T? Literal => _literal is null ? throw new InvalidOperationException("The input is not a literal.") : _literal.Value;

    /// <summary>Creates a literal input, for activities built in code.</summary>
    public static Input<T> FromLiteral(string text) => new(WorkflowExpression.Literal(text));

    internal static object? LiteralValue(WorkflowExpression expression) =>
        PlainValues.FromJson(expression.Value);
}

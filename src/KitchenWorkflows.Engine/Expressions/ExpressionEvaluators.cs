using System.Diagnostics.CodeAnalysis;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>The evaluators a host supports, by syntax name.</summary>
public sealed class ExpressionEvaluators
{
    private readonly Dictionary<string, IExpressionEvaluator> _byType;

    /// <summary>Creates the set from the registered evaluators.</summary>
    public ExpressionEvaluators(IEnumerable<IExpressionEvaluator> evaluators) =>
        _byType = evaluators.ToDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported syntax names.</summary>
    public IReadOnlyCollection<string> Types => _byType.Keys;

    /// <summary>Finds the evaluator of a syntax.</summary>
    public bool TryGet(string type, [NotNullWhen(true)] out IExpressionEvaluator? evaluator) => _byType.TryGetValue(type, out evaluator);
}

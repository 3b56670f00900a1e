using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Strategies;

/// <summary>
/// The running instances that refuse a start: those of <see cref="DefinitionId"/> and with <see cref="CorrelationId"/>,
/// each only when given. As in Elsa, a strategy that looks at the correlation but is given none places no condition on
/// it: <c>Correlation</c> without a correlation id waits for every running instance, <c>CorrelatedSingleton</c> acts as a singleton.
/// </summary>
/// <param name="DefinitionId">Only instances of this definition, when given.</param>
/// <param name="CorrelationId">Only instances with this correlation id, when given.</param>
public sealed record RunningInstanceFilter(string? DefinitionId, string? CorrelationId)
{
    /// <summary>The instances that would refuse a start under a strategy; null when the strategy always allows it.</summary>
    public static RunningInstanceFilter? For(ActivationStrategy strategy, string definitionId, string? correlationId) => strategy switch
    {
        ActivationStrategy.Singleton => new(definitionId, null),
        ActivationStrategy.Correlation => new(null, correlationId),
        ActivationStrategy.CorrelatedSingleton => new(definitionId, correlationId),
        _ => null,
    };

    /// <summary>Whether an instance is one that refuses the start.</summary>
    public bool Matches(WorkflowInstanceState state) =>
        state.Status == WorkflowStatus.Running
        && (DefinitionId is null || state.DefinitionId == DefinitionId)
        && (CorrelationId is null || state.CorrelationId == CorrelationId);

    /// <summary>The refusal, naming the strategy and what is still running.</summary>
    public ActivationRefusedException Refusal(ActivationStrategy strategy, string definitionId) => new(
        $"Workflow '{definitionId}' was not started: its activation strategy {strategy} allows no new instance while "
        + (DefinitionId, CorrelationId) switch
        {
            (null, null) => "any instance is running.",
            (null, { } correlation) => $"an instance with correlation id '{correlation}' is running.",
            (_, null) => "one of its instances is running.",
            (_, { } correlation) => $"one of its instances with correlation id '{correlation}' is running.",
        });
}

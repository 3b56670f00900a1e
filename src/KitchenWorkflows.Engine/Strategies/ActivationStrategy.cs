namespace KitchenWorkflows.Engine.Strategies;

/// <summary>When a new instance of a workflow may start (Elsa 3's activation strategies, <c>options.activationStrategyType</c>).</summary>
public enum ActivationStrategy
{
    /// <summary>Always (Elsa's <c>AllowAlwaysStrategy</c>, and no strategy at all).</summary>
    Always,

    /// <summary>Only while no instance of the same definition is running.</summary>
    Singleton,

    /// <summary>Only while no instance of any definition with the same correlation id is running.</summary>
    Correlation,

    /// <summary>Only while no instance of the same definition with the same correlation id is running.</summary>
    CorrelatedSingleton,
}

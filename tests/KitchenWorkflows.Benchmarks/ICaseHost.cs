using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Benchmarks;

/// <summary>Where the case runs: the engine in memory, or the durable runtime on SQLite or PostgreSQL.</summary>
internal interface ICaseHost : IAsyncDisposable
{
    /// <summary>One line for the config output.</summary>
    string Description { get; }

    /// <summary>Starts a case; it runs to its wait for the manager's reply.</summary>
    Task<WorkflowInstanceState> StartAsync(string definitionId, StartRequest request);

    /// <summary>Delivers an event; returns the instances it resumed.</summary>
    Task<IReadOnlyList<string>> PublishAsync(string eventName, string correlationId, object payload);

    /// <summary>The final state of an instance, for verification.</summary>
    Task<WorkflowInstanceState?> GetAsync(string instanceId);
}

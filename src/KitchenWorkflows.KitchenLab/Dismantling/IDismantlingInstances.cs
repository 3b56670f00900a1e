using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>
/// What <see cref="DismantlingService"/> needs of the workflow host, for instances of the <c>dismantling</c> definition
/// only: start one, find them by correlation id and tags, read one, deliver an event. The server implements it over its
/// durable runtime and instance store, so Kitchen Lab, like the engine, depends on no database.
/// </summary>
public interface IDismantlingInstances
{
    /// <summary>
    /// Starts an instance of the published <c>dismantling</c> version and runs it until it waits; a repeat with the same
    /// idempotency key and request returns the first instance.
    /// </summary>
    Task<WorkflowInstanceState> StartAsync(StartRequest request, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>One page (from 1) of the instances carrying every given tag, and the correlation id when given; newest first.</summary>
    Task<DismantlingInstancePage> FindAsync(string? correlationId, IReadOnlyList<KeyValuePair<string, string>> tags, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The current snapshot of an instance, or null.</summary>
    Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Delivers an event to the bookmarks waiting on it with this correlation id; returns the ids of the instances it touched.</summary>
    Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string correlationId, object? payload, CancellationToken cancellationToken);
}

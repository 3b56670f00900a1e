using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.KitchenLab.Dismantling;

namespace KitchenWorkflows.KitchenLab.Tests.Dismantling;

/// <summary>
/// The dismantling instances on the engine's in-memory runtime, as the server's adapter keeps them on its store: a
/// repeated idempotency key answers the first instance, and the instances are found by correlation id and tags, newest
/// first. It records the keys it was given, so a test sees how the service scopes them.
/// </summary>
internal sealed class InMemoryDismantlingInstances(InMemoryWorkflowRuntime runtime) : IDismantlingInstances
{
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentDictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public ConcurrentQueue<string?> Keys { get; } = new();

    public async Task<WorkflowInstanceState> StartAsync(StartRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Keys.Enqueue(idempotencyKey);
        if (idempotencyKey is not null && _byKey.TryGetValue(idempotencyKey, out var first))
        {
            return runtime.GetInstance(first)!;
        }

        var state = (await runtime.StartAsync(DismantlingWorkflow.DefinitionId, request, cancellationToken)).State;
        _started.Enqueue(state.Id);
        if (idempotencyKey is not null)
        {
            _byKey[idempotencyKey] = state.Id;
        }

        return state;
    }

    public Task<DismantlingInstancePage> FindAsync(
        string? correlationId, IReadOnlyList<KeyValuePair<string, string>> tags, int page, int pageSize, CancellationToken cancellationToken)
    {
        var matching = _started.Select(id => runtime.GetInstance(id)!)
            .Where(s => correlationId is null || s.CorrelationId == correlationId)
            .Where(s => tags.All(t => s.Tags.TryGetValue(t.Key, out var value) && value == t.Value))
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new DismantlingInstancePage([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count));
    }

    public Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(runtime.GetInstance(instanceId));

    public Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string correlationId, object? payload, CancellationToken cancellationToken) =>
        runtime.PublishEventAsync(eventName, correlationId, payload, cancellationToken);
}

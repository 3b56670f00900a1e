using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.KitchenLab.Dismantling;

namespace KitchenWorkflows.KitchenLab.Tests.Dismantling;

/// <summary>
/// Instances whose first event deliveries touch nothing, as when an escalation re-armed the task's waits between the
/// service reading the task and delivering the step; later deliveries reach the real instances.
/// </summary>
internal sealed class MissedDeliveries(IDismantlingInstances inner, int misses) : IDismantlingInstances
{
    private int _deliveries;

    public int Deliveries => _deliveries;

    public Task<WorkflowInstanceState> StartAsync(StartRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        inner.StartAsync(request, idempotencyKey, cancellationToken);

    public Task<DismantlingInstancePage> FindAsync(
        string? correlationId, IReadOnlyList<KeyValuePair<string, string>> tags, int page, int pageSize, CancellationToken cancellationToken) =>
        inner.FindAsync(correlationId, tags, page, pageSize, cancellationToken);

    public Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        inner.GetAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string correlationId, object? payload, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _deliveries) <= misses
            ? Task.FromResult<IReadOnlyList<string>>([])
            : inner.PublishEventAsync(eventName, correlationId, payload, cancellationToken);
}

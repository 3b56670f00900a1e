using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.KitchenLab.Dismantling;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// The <c>dismantling</c> instances of Kitchen Lab's <see cref="DismantlingService"/> on the server's durable runtime and
/// instance store. It lives in the server, the one project that references both Kitchen Lab and Persistence, so that
/// neither of them depends on the other.
/// </summary>
internal sealed class DurableDismantlingInstances(DurableWorkflowRuntime runtime, InstanceQueries instances) : IDismantlingInstances
{
    public async Task<WorkflowInstanceState> StartAsync(StartRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        (await runtime.StartAsync(DismantlingWorkflow.DefinitionId, request, idempotencyKey, dispatch: false, cancellationToken)).State;

    public async Task<DismantlingInstancePage> FindAsync(
        string? correlationId, IReadOnlyList<KeyValuePair<string, string>> tags, int page, int pageSize, CancellationToken cancellationToken)
    {
        var found = await instances.ListStatesAsync(new InstanceFilter
        {
            DefinitionId = DismantlingWorkflow.DefinitionId,
            CorrelationId = correlationId,
            Tags = tags,
            Page = page,
            PageSize = pageSize,
        }, cancellationToken);
        return new DismantlingInstancePage(found.Items, found.TotalCount);
    }

    public Task<WorkflowInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        instances.GetAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string correlationId, object? payload, CancellationToken cancellationToken) =>
        runtime.PublishEventAsync(eventName, correlationId, payload, cancellationToken);
}

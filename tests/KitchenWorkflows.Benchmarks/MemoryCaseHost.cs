using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Benchmarks;

/// <summary>The engine in memory: InMemoryWorkflowRuntime serializes the snapshot on every save and reads it back on every resume.</summary>
internal sealed class MemoryCaseHost : ICaseHost
{
    private readonly ServiceProvider _services;
    private readonly InMemoryWorkflowRuntime _runtime;

    public MemoryCaseHost(WorkflowDefinition definition)
    {
        var services = new ServiceCollection();
        services.AddKitchenWorkflowsEngine();
        _services = services.BuildServiceProvider();
        _runtime = _services.GetRequiredService<InMemoryWorkflowRuntime>();
        _runtime.Publish(definition);
    }

    public string Description => "memory (InMemoryWorkflowRuntime: snapshot serialized on every save, deserialized on every resume)";

    public async Task<WorkflowInstanceState> StartAsync(string definitionId, StartRequest request) =>
        (await _runtime.StartAsync(definitionId, request)).State;

    public Task<IReadOnlyList<string>> PublishAsync(string eventName, string correlationId, object payload) =>
        _runtime.PublishEventAsync(eventName, correlationId, payload);

    public Task<WorkflowInstanceState?> GetAsync(string instanceId) => Task.FromResult(_runtime.GetInstance(instanceId));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KitchenWorkflows.Engine.Tests;

/// <summary>A real engine on a fake clock, with helpers to load definitions and read what ran.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EngineHarness(Action<ActivityRegistry>? activities = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddKitchenWorkflowsEngine(activities);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _services;

    public WorkflowCompiler Compiler => _services.GetRequiredService<WorkflowCompiler>();

    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();

    public InMemoryWorkflowRuntime Runtime => _services.GetRequiredService<InMemoryWorkflowRuntime>();

    public static WorkflowDefinition LoadScenario(string relativePath) =>
        WorkflowDefinitionSerializer.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", relativePath)));

    public CompiledWorkflow Compile(string json) => Compiler.Compile(WorkflowDefinitionSerializer.Deserialize(json));

    public Task<RunResult> RunAsync(string json, StartRequest? request = null) => Runner.StartAsync(Compile(json), request ?? new StartRequest());

    /// <summary>The lines WriteLine activities wrote, in order.</summary>
    public static IReadOnlyList<string?> Lines(IEnumerable<JournalEntry> journal) =>
        [.. journal.Where(e => e.ActivityType == "Elsa.WriteLine" && e.Status == JournalEntryStatus.Completed).Select(e => e.Message)];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

using KitchenWorkflows.Engine;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// The server's durable runtime in process (no HTTP): every start and every resume is committed to the
/// store before it returns, exactly as the API does. SQLite in a fresh temp folder, or a PostgreSQL database.
/// </summary>
internal sealed class DurableCaseHost : ICaseHost
{
    private readonly ServiceProvider _services;
    private readonly DurableWorkflowRuntime _runtime;
    private readonly InstanceQueries _queries;
    private readonly string? _dataDirectory;

    private DurableCaseHost(ServiceProvider services, string description, string? dataDirectory)
    {
        _services = services;
        _runtime = services.GetRequiredService<DurableWorkflowRuntime>();
        _queries = services.GetRequiredService<InstanceQueries>();
        Description = description;
        _dataDirectory = dataDirectory;
    }

    public string Description { get; }

    /// <summary>The host's services, for the store preload and the list timings.</summary>
    public IServiceProvider Services => _services;

    public static async Task<DurableCaseHost> CreateAsync(WorkflowDefinition definition, StorageProvider provider, string? postgreSql)
    {
        var dataDirectory = provider == StorageProvider.Sqlite ? Path.Combine(Path.GetTempPath(), "kw-bench-" + Guid.NewGuid().ToString("N")) : null;
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider.ToString(), ["ConnectionStrings:PostgreSql"] = postgreSql };
        if (dataDirectory is not null)
        {
            settings["Storage:DataDirectory"] = dataDirectory;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKitchenWorkflowsEngine();
        services.AddKitchenWorkflowsPersistence(configuration);
        services.AddSingleton<IWorkflowScheduler, NoTimersScheduler>();
        var provider_ = services.BuildServiceProvider();
        await provider_.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var store = provider_.GetRequiredService<WorkflowDefinitionStore>();
        await store.SaveDraftAsync(definition, AuditActor.System);
        await store.PublishAsync(definition.DefinitionId, AuditActor.System);
        var description = provider == StorageProvider.Sqlite
            ? "sqlite (DurableWorkflowRuntime, WAL, synchronous=NORMAL: every start and resume committed before it returns)"
            : "postgresql (DurableWorkflowRuntime: every start and resume committed before it returns)";
        return new DurableCaseHost(provider_, description, dataDirectory);
    }

    public async Task<WorkflowInstanceState> StartAsync(string definitionId, StartRequest request) =>
        (await _runtime.StartAsync(definitionId, request, idempotencyKey: null, dispatch: false)).State;

    public Task<IReadOnlyList<string>> PublishAsync(string eventName, string correlationId, object payload) =>
        _runtime.PublishEventAsync(eventName, correlationId, payload);

    public Task<WorkflowInstanceState?> GetAsync(string instanceId) => _queries.GetAsync(instanceId);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_dataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // The case workflow has no timers or scheduled triggers; a call here would mean the benchmark is wrong.
    private sealed class NoTimersScheduler : IWorkflowScheduler
    {
        public Task ScheduleBookmarkAsync(string instanceId, string bookmarkId, DateTimeOffset dueAt, bool isRetry, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark workflow schedules no timers.");

        public Task ScheduleTriggersAsync(string definitionId, int version, IReadOnlyList<ScheduledTriggerInfo> triggers, CancellationToken cancellationToken = default) =>
            triggers.Count == 0 ? Task.CompletedTask : throw new NotSupportedException("The benchmark workflow has no scheduled triggers.");
    }
}

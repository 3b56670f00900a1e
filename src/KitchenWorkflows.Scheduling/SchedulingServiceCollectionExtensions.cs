using Hangfire;
using Hangfire.AspNetCore;
using KitchenWorkflows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Scheduling;

/// <summary>Registers Hangfire as the engine's scheduler, with its server running in this process.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The id of the recurring sweep job.</summary>
    public const string SweepJobId = "kitchenworkflows:sweep";

    /// <summary>Adds Hangfire on the storage <paramref name="createStorage"/> makes, its server, and the scheduler.</summary>
    public static IServiceCollection AddKitchenWorkflowsScheduling(this IServiceCollection services, Func<IServiceProvider, JobStorage> createStorage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(createStorage);
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Left to itself, AddHangfire reads the storage and the job activator back from statics
        // (JobStorage.Current, JobActivator.Current) that the last host configured overwrites: with two hosts
        // in one process (the integration tests, two nodes in one test) one host's jobs would be stored in,
        // and run by, the other. Registered first, each container keeps its own. The log provider has no such
        // per-container seat: it stays shared, and must outlive the host that set it (DisposalTolerantLogProvider).
        services.AddSingleton(createStorage);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new DisposalTolerantLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });
        services.TryAddTransient<WorkflowJobs>();
        services.TryAddSingleton<IWorkflowScheduler, HangfireWorkflowScheduler>();
        return services;
    }

    /// <summary>Registers the recurring recovery sweep (call once the host is built).</summary>
    public static void ScheduleSweep(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<WorkflowJobs>(SweepJobId, j => j.SweepAsync(CancellationToken.None), options.SweepCron);
    }
}

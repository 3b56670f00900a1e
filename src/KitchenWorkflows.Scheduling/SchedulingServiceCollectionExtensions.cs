using Hangfire;
using KitchenWorkflows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Scheduling;

/// <summary>Registers Hangfire as the engine's scheduler, with its server running in this process.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The id of the recurring sweep job.</summary>
    public const string SweepJobId = "kitchenworkflows:sweep";

    /// <summary>Adds Hangfire with the storage <paramref name="useStorage"/> sets up, its server, and the scheduler.</summary>
    public static IServiceCollection AddKitchenWorkflowsScheduling(this IServiceCollection services, Action<IGlobalConfiguration> useStorage)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(useStorage);
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHangfire(configuration =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            useStorage(configuration);
        });
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

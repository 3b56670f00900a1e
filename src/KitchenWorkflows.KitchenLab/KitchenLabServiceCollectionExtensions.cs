using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.KitchenLab.Warranty;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.KitchenLab;

/// <summary>Registers the Kitchen Lab domain.</summary>
public static class KitchenLabServiceCollectionExtensions
{
    /// <summary>Adds the Kitchen Lab services.</summary>
    public static IServiceCollection AddKitchenLab(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }

    /// <summary>Registers the Kitchen Lab activities with the engine.</summary>
    public static ActivityRegistry AddKitchenLabActivities(this ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<CheckWarranty>();
    }
}

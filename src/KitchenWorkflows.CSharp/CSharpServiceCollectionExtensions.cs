using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitchenWorkflows.CSharp;

/// <summary>Registers C# scripting with the engine.</summary>
public static class CSharpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>CSharp</c> expression syntax and what <c>Elsa.RunCSharp</c> needs. Both stay refused (a definition using
    /// them is invalid) until <see cref="CSharpScriptOptions.Enabled"/> is set; the host binds the options.
    /// </summary>
    public static IServiceCollection AddKitchenWorkflowsCSharp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CSharpScriptOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CSharpScripts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, CSharpEvaluator>());
        return services;
    }

    /// <summary>Registers <c>Elsa.RunCSharp</c>.</summary>
    public static ActivityRegistry AddCSharpActivities(this ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register<RunCSharp>();
    }
}

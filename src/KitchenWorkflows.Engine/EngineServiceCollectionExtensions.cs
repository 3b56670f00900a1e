using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Activities.BuiltIn;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine;

/// <summary>Registers the engine.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: the built-in activities, the expression syntaxes, the validator, compiler and
    /// runner. <c>Elsa.SendHttpRequest</c> reaches only what <see cref="OutboundHttpOptions"/> allows: nothing until configured. <paramref name="configureActivities"/> registers more activity types (Kitchen Lab's, for one).
    /// </summary>
    public static IServiceCollection AddKitchenWorkflowsEngine(this IServiceCollection services, Action<ActivityRegistry>? configureActivities = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScriptOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EngineOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DefinitionLimits>().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboundHttpOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(SendHttpRequest.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedConnectionHandler.CreatePrimary(sp.GetRequiredService<IOptionsMonitor<OutboundHttpOptions>>()))
            .AddHttpMessageHandler(sp => new RedirectGuardHandler(sp.GetRequiredService<IOptionsMonitor<OutboundHttpOptions>>()));
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JavaScriptEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, LiteralEvaluator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, JavaScriptEvaluator>(sp => sp.GetRequiredService<JavaScriptEvaluator>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, LiquidEvaluator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, VariableEvaluator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, ObjectEvaluator>());
        services.TryAddSingleton<ExpressionEvaluators>();
        services.TryAddSingleton(_ =>
        {
            var registry = BuiltInActivities.Register(new ActivityRegistry());
            configureActivities?.Invoke(registry);
            return registry;
        });
        services.TryAddSingleton<Composition.IWorkflowActivitySource, Composition.NoWorkflowActivities>();
        services.TryAddSingleton<WorkflowValidator>();
        services.TryAddSingleton<DefinitionLimitsValidator>();
        services.TryAddSingleton<WorkflowCompiler>();
        services.TryAddSingleton<WorkflowRunner>();
        services.TryAddSingleton<Testing.TestCaseRunner>();
        services.TryAddSingleton<Runtime.InMemoryWorkflowRuntime>();
        return services;
    }
}

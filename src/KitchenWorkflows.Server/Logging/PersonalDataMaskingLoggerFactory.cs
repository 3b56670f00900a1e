using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Logging;

/// <summary>
/// The server's logger factory: the usual one (every provider, filter and scope as configured) behind a layer that
/// masks personal data in every log entry before any provider sees it. It sits in front of the factory, not of each
/// provider, so per-provider filter rules (<c>Logging:Console:LogLevel</c>) keep matching their providers' types.
/// </summary>
internal sealed class PersonalDataMaskingLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new PersonalDataMaskingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Replaces the <see cref="ILoggerFactory"/> that AddLogging registered with this one around it.</summary>
    public static void Register(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new PersonalDataMaskingLoggerFactory(sp.GetRequiredService<LoggerFactory>())));
    }
}

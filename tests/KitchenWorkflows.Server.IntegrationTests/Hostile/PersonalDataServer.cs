using System.Collections.Concurrent;
using KitchenWorkflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>A server whose log entries are kept as formatted.</summary>
public sealed class PersonalDataServer() : ServerFixture(StorageProvider.Sqlite)
{
    public LogCapture Logs { get; } = new();

    protected override ServerFactory CreateFactory(StorageProvider provider) => new(provider)
    {
        ExtraServices = services => services.AddSingleton<ILoggerProvider>(Logs),
    };
}

/// <summary>A logger provider that keeps each entry's message, structured values, scopes and exception text.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            capture._scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                }
            }, parts);
            parts.Add(exception?.ToString() ?? "");
            capture.Entries.Enqueue(string.Join(" | ", parts));
        }
    }
}

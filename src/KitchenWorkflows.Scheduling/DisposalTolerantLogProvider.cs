using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Scheduling;

/// <summary>
/// Hangfire's log provider on a host's logger factory, answering with a silent logger once that factory is disposed.
/// </summary>
/// <remarks>
/// Hangfire keeps its log provider in a static, which each host's configuration overwrites with its own factory. With
/// several hosts in one process (the integration tests), the last host started is the provider of all of them, and
/// once it is disposed every logger Hangfire creates throws <see cref="ObjectDisposedException"/> in the others.
/// Hangfire.PostgreSql creates one per fetched job, after marking the job fetched: the job then never ran and stayed
/// invisible for the 30-minute invisibility timeout, and with it every timer and the recovery sweep of that host.
/// </remarks>
internal sealed class DisposalTolerantLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

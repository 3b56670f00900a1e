using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// Runs dispatched instances in the background: workers take ids from the <see cref="DispatchQueue"/>,
/// and a poller feeds it from the store (dispatches made on other nodes, work a dead process left),
/// so the committed pending row, not this process's memory, is what guarantees the instance runs.
/// </summary>
public sealed partial class DispatchWorkerPool(
    DurableWorkflowRuntime runtime,
    DispatchQueue queue,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<DispatchWorkerPool> logger) : BackgroundService
{
    private readonly RuntimeOptions _options = options.Value;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await runtime.ReleaseOwnLeasesAsync(stoppingToken);
        var workers = Enumerable.Range(0, _options.DispatchWorkers).Select(_ => WorkAsync(stoppingToken)).ToList();
        workers.Add(PollAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var instanceId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await runtime.RunPendingAsync(instanceId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The row stays pending; the poller offers it again.
                    LogRunFailed(logger, ex, instanceId);
                }
                finally
                {
                    queue.Done(instanceId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, clock);
        try
        {
            do
            {
                try
                {
                    foreach (var id in await runtime.FindPendingAsync(_options.DispatchWorkers * 50, stoppingToken))
                    {
                        queue.Enqueue(id);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPollFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running pending instance {InstanceId} failed; it stays pending")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for pending instances failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}

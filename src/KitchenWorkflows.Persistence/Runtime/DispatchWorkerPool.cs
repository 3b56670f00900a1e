using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// Runs dispatched instances in the background: workers take ids from the <see cref="DispatchQueue"/>,
/// and a poller feeds it from the store (dispatches made on other nodes, work a dead process left),
/// so the committed pending row, not this process's memory, is what guarantees the instance runs.
/// At start-up it also recovers what this node's previous life (a crash, a kill) left half done.
/// </summary>
public sealed partial class DispatchWorkerPool(
    DurableWorkflowRuntime runtime,
    DispatchQueue queue,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<DispatchWorkerPool> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly RuntimeOptions _options = options.Value;

    /// <summary>
    /// Gives back the leases this node held before a restart. Done before any hosted service starts
    /// (the Hangfire server, Kestrel): a job or request of this life claiming an instance under the
    /// same node name before the release would see its lease cleared under it and its run discarded.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken) => runtime.ReleaseOwnLeasesAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, _options.DispatchWorkers).Select(_ => WorkAsync(stoppingToken)).ToList();
        workers.Add(PollAsync(stoppingToken));
        workers.Add(ResumeOverdueAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    // The due bookmarks whose scheduled jobs died with the previous process would otherwise wait for
    // the job store to hand those jobs out again, or for the periodic sweep's grace to pass.
    private async Task ResumeOverdueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runtime.ResumeOverdueAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogResumeOverdueFailed(logger, ex);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the overdue bookmarks at start-up failed; the periodic sweep picks them up")]
    private static partial void LogResumeOverdueFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for pending instances failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}

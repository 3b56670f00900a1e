namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Renews this node's lease on an instance while a run holds it, every third of the lease, so that a run longer
/// than the lease (a slow outside system) is not taken over by another node that would repeat its outside calls.
/// A dead node renews nothing, so its instances are still taken over when the lease lapses.
/// </summary>
/// <remarks>
/// Stopped by disposing its timer, which ends the wait without an exception: most runs take milliseconds, and a
/// cancellation per run cost more than the run's own bookkeeping.
/// </remarks>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly Task _renewing;

    public LeaseKeeper(RuntimeStore store, string instanceId, string node, TimeProvider clock, TimeSpan leaseDuration)
    {
        _timer = new PeriodicTimer(leaseDuration / 3, clock);
        _renewing = RenewAsync(store, instanceId, node, clock, leaseDuration);
    }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _renewing;
    }

    private async Task RenewAsync(RuntimeStore store, string instanceId, string node, TimeProvider clock, TimeSpan leaseDuration)
    {
        while (await _timer.WaitForNextTickAsync())
        {
            try
            {
                await store.RenewLeaseAsync(instanceId, node, clock.GetUtcNow() + leaseDuration, CancellationToken.None);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // A renewal that fails (the store briefly unreachable) leaves the lease to lapse as if there were none;
                // the run's save then tells whether another node took over.
            }
        }
    }
}

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// In-process mutual exclusion per instance, striped over a fixed set of semaphores so memory stays
/// flat however many instances pass through. The store's lease does the same across nodes.
/// </summary>
internal sealed class InstanceLocks
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable?> TryEnterAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(instanceId) % (uint)_stripes.Length];
        return await stripe.WaitAsync(timeout, cancellationToken) ? new Release(stripe) : null;
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}

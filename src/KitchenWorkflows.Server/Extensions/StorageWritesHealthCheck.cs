using KitchenWorkflows.Persistence.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Not ready while writes fail for a storage fault (a full disk, a read-only store): once a write met one, each check
/// probes with a small write, and readiness comes back with the first that gets through. Costs nothing while writes work.
/// </summary>
internal sealed class StorageWritesHealthCheck(StorageWrites writes, RuntimeStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writes.Fault is not { } fault)
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            await store.ProbeWriteAsync(cancellationToken);
            return HealthCheckResult.Healthy("Writes work again.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"Writes fail: {StorageFault.Describe(ex) ?? fault}.", ex);
        }
    }
}

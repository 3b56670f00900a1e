using KitchenWorkflows.Persistence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Retention;

/// <summary>
/// Deletes the instances whose retention period is over, definition by definition, a batch per transaction with a
/// pause between batches, so that live work never waits long for the writer.
/// </summary>
public sealed partial class InstanceRetention(
    InstanceDeletionStore store,
    IDbContextFactory<WorkflowDbContext> contexts,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider clock,
    ILogger<InstanceRetention> logger)
{
    /// <summary>Deletes every instance past its retention period; returns how many went.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return 0;
        }

        long total = 0;
        foreach (var (definitionId, period) in await PeriodsAsync(settings.KeepEndedInstancesFor, cancellationToken))
        {
            var cutoff = clock.GetUtcNow() - period;
            total += await DeleteEndedBeforeAsync(definitionId, cutoff, settings, cancellationToken);
        }

        if (total > 0)
        {
            LogDeleted(logger, total);
        }

        return total;
    }

    private async Task<long> DeleteEndedBeforeAsync(string definitionId, DateTimeOffset cutoff, RetentionOptions settings, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            var batch = await store.FindEndedAsync(definitionId, subStatus: null, cutoff, settings.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return deleted;
            }

            var gone = await store.DeleteEndedAsync(batch, clock.GetUtcNow(), cancellationToken);
            DeletionTelemetry.Record(gone.Count, DeletionReason.Retention);
            deleted += gone.Count;

            // A batch that is all held by nodes (a retry under way) would be found again at once: it waits for the next run.
            if (gone.Count == 0 || batch.Count < settings.BatchSize)
            {
                return deleted;
            }

            await Task.Delay(settings.PauseBetweenBatches, clock, cancellationToken);
        }
    }

    // Every definition's period: its own option (read from its latest version), else the server's.
    private async Task<List<(string DefinitionId, TimeSpan Period)>> PeriodsAsync(TimeSpan serverPeriod, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.IsLatest)
            .Select(d => new { d.DefinitionId, d.Json })
            .ToListAsync(cancellationToken);
        return [.. latest.Select(d => (d.DefinitionId, RetentionPeriod.Read(System.Text.Json.Nodes.JsonNode.Parse(d.Json)?["options"]) ?? serverPeriod))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} ended instances")]
    private static partial void LogDeleted(ILogger logger, long count);
}

using System.Diagnostics.Metrics;
using Hangfire;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Gauges of what waits: bookmarks, the dispatch queue, Hangfire's queues.</summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "KitchenWorkflows.Server";

    private readonly Meter _meter = new(MeterName);

    public ServerMetrics(IDbContextFactory<WorkflowDbContext> contexts, DispatchQueue dispatchQueue, JobStorage jobStorage)
    {
        _meter.CreateObservableGauge("kitchenworkflows.bookmarks.backlog", () =>
        {
            using var db = contexts.CreateDbContext();
            return db.Bookmarks.LongCount();
        }, unit: "{bookmark}", description: "Bookmarks waiting for an event or a due time.");
        _meter.CreateObservableGauge("kitchenworkflows.dispatch.queue", () => dispatchQueue.Count,
            unit: "{instance}", description: "Dispatched instances waiting for a worker on this node.");
        _meter.CreateObservableGauge("kitchenworkflows.hangfire.jobs", () =>
        {
            var monitoring = jobStorage.GetMonitoringApi();
            var statistics = monitoring.GetStatistics();
            return new[]
            {
                new Measurement<long>(statistics.Enqueued, new KeyValuePair<string, object?>("state", "enqueued")),
                new Measurement<long>(statistics.Scheduled, new KeyValuePair<string, object?>("state", "scheduled")),
                new Measurement<long>(statistics.Processing, new KeyValuePair<string, object?>("state", "processing")),
                new Measurement<long>(statistics.Failed, new KeyValuePair<string, object?>("state", "failed")),
            };
        }, unit: "{job}", description: "Hangfire jobs by state.");
    }

    public void Dispose() => _meter.Dispose();
}

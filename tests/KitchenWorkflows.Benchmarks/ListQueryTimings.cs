using System.Diagnostics;
using System.Globalization;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Testing.Server;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// Times the instance list as <c>GET /api/workflow-instances</c> runs it (the same query, without HTTP): the filters
/// people use on a big store, on the first page and on page 1,000; then prints the plan of each of its two statements
/// (the bounded count's keys and the page's rows): SQLite's <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c>.
/// </summary>
internal static class ListQueryTimings
{
    private const int Repeats = 100;

    public static async Task MeasureAsync(InstanceQueries queries, IDbContextFactory<WorkflowDbContext> contexts, string definitionId, string correlationId)
    {
        var cases = new (string Name, InstanceFilter Filter)[]
        {
            ("definition+status page 1", new() { DefinitionId = definitionId, Status = WorkflowStatus.Finished, Page = 1 }),
            ("definition+status page 1000", new() { DefinitionId = definitionId, Status = WorkflowStatus.Finished, Page = 1000 }),
            ("tag page 1", new() { Tags = [new("channel", "channel-1")], Page = 1 }),
            ("tag page 1000", new() { Tags = [new("channel", "channel-1")], Page = 1000 }),
            ("correlation id", new() { CorrelationId = correlationId, Page = 1 }),
        };
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        foreach (var (name, filter) in cases)
        {
            var times = new double[Repeats];
            var total = 0;
            int items = 0;
            for (var i = -3; i < Repeats; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var page = await queries.ListAsync(filter);
                if (i >= 0)
                {
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                (total, items) = (page.TotalCount, page.Items.Count);
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"list {name}: total {total}, items {items}, p50 {times[Repeats / 2]:F1} ms, p99 {times[(int)(Repeats * 0.99) - 1]:F1} ms (load average {loadBefore} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        foreach (var (name, filter) in cases)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var (counted, page, _) = InstanceQueries.ListStatements(db, filter);
            Console.WriteLine($"plan of list {name}, count:\n  {string.Join("\n  ", await QueryPlans.ExplainAsync(db, counted, analyze: true))}");
            Console.WriteLine($"plan of list {name}, page:\n  {string.Join("\n  ", await QueryPlans.ExplainAsync(db, page, analyze: true))}");
        }
    }
}

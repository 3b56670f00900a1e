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
/// people use on a big store, on the first page and on page 1,000, with the CPU time each call took in this process (on
/// SQLite all of the query's work; on PostgreSQL the client's share), the figure that a loaded machine skews least;
/// then prints the plan of each of its two statements (the page's rows, and the bounded count after the page): SQLite's
/// <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN (ANALYZE, BUFFERS)</c>.
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
            var cpu = TimeSpan.Zero;
            var total = 0;
            int items = 0;
            for (var i = -3; i < Repeats; i++)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var page = await queries.ListAsync(filter);
                if (i >= 0)
                {
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                }

                (total, items) = (page.TotalCount, page.Items.Count);
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"list {name}: total {total}, items {items}, p50 {times[Repeats / 2]:F1} ms, p99 {times[(int)(Repeats * 0.99) - 1]:F1} ms, this process's CPU {cpu.TotalMilliseconds / Repeats:F1} ms per call (load average {loadBefore} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        foreach (var (name, filter) in cases)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var list = new InstanceListStatements(db, filter);
            Console.WriteLine($"plan of list {name}, page:\n  {string.Join("\n  ", await QueryPlans.ExplainAsync(db, list.Rows, analyze: true))}");
            if ((await queries.ListAsync(filter)).Items is [.., var last])
            {
                Console.WriteLine($"plan of list {name}, count after the page:\n  {string.Join("\n  ", await QueryPlans.ExplainAsync(db, list.CountedAfter(last.CreatedAt, last.WorkflowInstanceId), analyze: true))}");
            }
        }
    }
}

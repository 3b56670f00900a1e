using System.Diagnostics;
using System.Globalization;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Instances;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// Times the instance list as <c>GET /api/workflow-instances</c> runs it (the same query, without HTTP): the filters
/// people use on a big store, on the first page and on page 1,000.
/// </summary>
internal static class ListQueryTimings
{
    private const int Repeats = 100;

    public static async Task MeasureAsync(InstanceQueries queries, string definitionId, string correlationId)
    {
        var cases = new (string Name, InstanceFilter Filter)[]
        {
            ("definition+status page 1", new() { DefinitionId = definitionId, Status = WorkflowStatus.Finished, Page = 1 }),
            ("definition+status page 1000", new() { DefinitionId = definitionId, Status = WorkflowStatus.Finished, Page = 1000 }),
            ("tag page 1", new() { Tags = [new("channel", "channel-1")], Page = 1 }),
            ("tag page 1000", new() { Tags = [new("channel", "channel-1")], Page = 1000 }),
            ("correlation id", new() { CorrelationId = correlationId, Page = 1 }),
        };
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
                $"list {name}: total {total}, items {items}, p50 {times[Repeats / 2]:F1} ms, p99 {times[(int)(Repeats * 0.99) - 1]:F1} ms"));
        }
    }
}

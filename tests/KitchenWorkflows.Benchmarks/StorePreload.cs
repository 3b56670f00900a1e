using System.Diagnostics;
using System.Globalization;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Benchmarks;

/// <summary>
/// Fills the store as years of use would before the benchmark measures: N finished and N/10 suspended instances of
/// the benchmark's own case, each with the journal, bookmark and tags a real one has. A hundred real cases are run
/// as templates; the store then copies their rows in SQL (new ids, everything else as the template wrote it), which
/// takes minutes for a million instead of the hours running them would.
/// </summary>
internal static class StorePreload
{
    private const int Templates = 100;
    private const int CopiesPerStatement = 500;

    public static async Task FillAsync(ICaseHost host, IDbContextFactory<WorkflowDbContext> contexts, string definitionId, string eventName, int finished)
    {
        var watch = Stopwatch.StartNew();
        var finishedTemplates = new List<string>();
        var suspendedTemplates = new List<string>();
        for (var i = 0; i < Templates; i++)
        {
            var data = Scenario.Make(1_000_000_000 + i);
            var started = await host.StartAsync(definitionId, new StartRequest { CorrelationId = "preload-" + data.CaseId, Input = data.ToInput() });
            if (i % 10 == 0)
            {
                suspendedTemplates.Add(started.Id); // Its event never comes: a case still waiting for the manager.
            }
            else
            {
                await host.PublishAsync(eventName, "preload-" + data.CaseId, "approved");
                finishedTemplates.Add(started.Id);
            }
        }

        await using var db = await contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var copies = (finished + finishedTemplates.Count - 1) / finishedTemplates.Count;
        var suspendedCopies = (finished / 10 + suspendedTemplates.Count - 1) / suspendedTemplates.Count;
        await CopyAsync(db, finishedTemplates, copies);
        await CopyAsync(db, suspendedTemplates, suspendedCopies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"preload: {copies * finishedTemplates.Count} finished and {suspendedCopies * suspendedTemplates.Count} suspended instances copied from {Templates} real cases in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    private static async Task CopyAsync(WorkflowDbContext db, List<string> templates, int copies)
    {
        var sqlite = db.Database.IsSqlite();
        var ids = string.Join(", ", templates.Select(id => $"'{id}'"));
        for (var first = 0; first < copies; first += CopiesPerStatement)
        {
            var last = Math.Min(copies, first + CopiesPerStatement) - 1;
            var series = sqlite
                ? $"(WITH RECURSIVE s(n) AS (SELECT {first} UNION ALL SELECT n + 1 FROM s WHERE n < {last}) SELECT n FROM s) AS s"
                : $"generate_series({first}, {last}) AS s(n)";
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(Copy<WorkflowInstanceRecord>(db, series, ids, "Id", new() { ["Id"] = Suffixed("Id"), ["CorrelationId"] = Suffixed("CorrelationId") }));
            await db.Database.ExecuteSqlRawAsync(Copy<JournalRecord>(db, series, ids, "InstanceId", new() { ["InstanceId"] = Suffixed("InstanceId") }));
            await db.Database.ExecuteSqlRawAsync(Copy<BookmarkRecord>(db, series, ids, "InstanceId", new()
            {
                ["Id"] = Suffixed("Id"),
                ["InstanceId"] = Suffixed("InstanceId"),
                ["CorrelationId"] = Suffixed("CorrelationId"),
            }));

            // Tags as a hotline case carries them: a region of fifty and a channel of three.
            var tagTable = Table<InstanceTagRecord>(db);
            var instanceTable = Table<WorkflowInstanceRecord>(db);
            foreach (var (name, values) in new[] { ("region", 50), ("channel", 3) })
            {
                var insertTags = $"INSERT INTO \"{tagTable}\" (\"InstanceId\", \"Name\", \"Value\") SELECT t.\"Id\" || '-' || s.n, '{name}', '{name}-' || ((s.n + LENGTH(t.\"Id\")) % {values}) FROM \"{instanceTable}\" AS t, {series} WHERE t.\"Id\" IN ({ids})";
                await db.Database.ExecuteSqlRawAsync(insertTags);
            }

            await transaction.CommitAsync();
        }
    }

    private static string Suffixed(string column) => $"t.\"{column}\" || '-' || s.n";

    // INSERT … SELECT of every column of the entity's table, copied from the templates' rows with the overridden
    // columns computed; the column list comes from the EF model, so a new column is copied without a change here.
    private static string Copy<TEntity>(WorkflowDbContext db, string series, string ids, string templateColumn, Dictionary<string, string> overrides)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
        var selected = columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : $"t.\"{c}\"");
        return $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
               $"SELECT {string.Join(", ", selected)} FROM \"{entity.GetTableName()}\" AS t, {series} WHERE t.\"{templateColumn}\" IN ({ids})";
    }

    private static string Table<TEntity>(WorkflowDbContext db) => db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!;
}

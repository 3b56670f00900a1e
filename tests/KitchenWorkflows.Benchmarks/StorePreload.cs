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
/// as templates; the store then copies their rows in SQL (new ids, everything else as the template wrote it, but
/// moved back in time: copy n happened n × <see cref="CopySpacing"/> before its template, so a million instances span
/// the year a hotline would take to make them), which takes minutes for a million instead of the hours running them
/// would.
/// </summary>
internal static class StorePreload
{
    private const int Templates = 100;
    private const int CopiesPerStatement = 500;
    private static readonly TimeSpan CopySpacing = TimeSpan.FromMinutes(45);

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
        if (!db.Database.IsSqlite())
        {
            // What autovacuum does after a bulk insert, done now rather than at some point during the measurement:
            // statistics for the planner and the visibility map that lets an index-only scan skip the table.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

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
                var insertTags = $"INSERT INTO \"{tagTable}\" (\"InstanceId\", \"Name\", \"Value\", \"CreatedAt\") SELECT t.\"Id\" || '-' || s.n, '{name}', '{name}-' || ((s.n + LENGTH(t.\"Id\")) % {values}), {MovedBack(db, "CreatedAt")} FROM \"{instanceTable}\" AS t, {series} WHERE t.\"Id\" IN ({ids})";
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
        var properties = entity.GetProperties().ToList();
        var columns = properties.Select(p => p.GetColumnName()).ToList();
        var selected = properties.Select(p => overrides.TryGetValue(p.GetColumnName(), out var expression) ? expression
            : p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?) ? MovedBack(db, p.GetColumnName())
            : $"t.\"{p.GetColumnName()}\"");
        return $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
               $"SELECT {string.Join(", ", selected)} FROM \"{entity.GetTableName()}\" AS t, {series} WHERE t.\"{templateColumn}\" IN ({ids})";
    }

    // The template's time minus n × CopySpacing, in the column's stored form: SQLite keeps a DateTimeOffset as the
    // number its value converter makes (a multiple of the spacing's own number for UTC times), PostgreSQL as a timestamp.
    private static string MovedBack(WorkflowDbContext db, string column)
    {
        if (!db.Database.IsSqlite())
        {
            return string.Create(CultureInfo.InvariantCulture, $"t.\"{column}\" - s.n * interval '{CopySpacing.TotalSeconds} seconds'");
        }

        var converter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        var step = (long)converter.ConvertToProvider(DateTimeOffset.UnixEpoch + CopySpacing)! - (long)converter.ConvertToProvider(DateTimeOffset.UnixEpoch)!;
        return string.Create(CultureInfo.InvariantCulture, $"t.\"{column}\" - s.n * {step}");
    }

    private static string Table<TEntity>(WorkflowDbContext db) => db.Model.FindEntityType(typeof(TEntity))!.GetTableName()!;
}

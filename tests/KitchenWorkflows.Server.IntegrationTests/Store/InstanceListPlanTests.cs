using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Store;

/// <summary>
/// Each filter of the instance list reads its page, and counts on after it, from an index that holds the matches in
/// the list's order, on page 1 and on page 1,000: no scan of a table and no sort of all the matches, whatever the
/// store's size.
/// The plans are the databases' own (SQLite's <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c> with sequential
/// scans priced out, since on a test's few rows a scan is cheapest).
/// </summary>
public abstract class InstanceListPlanTests(ServerFixture server) : ApiTestBase(server)
{
    private static readonly string[] Filters = ["definition+status", "tag", "correlation", "none"];

    [ProviderFact]
    public async Task EveryFilter_ReadsItsPageAndCount_FromTheIndexInListOrder()
    {
        foreach (var (name, page) in Filters.SelectMany(name => new[] { (name, 1), (name, 1000) }))
        {
            var (filter, index) = Case(name, page);
            await using var db = Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
            var list = new InstanceListStatements(db, filter);
            AssertReadsIndex(await ExplainAsync(db, list.Rows), index, $"{name} page {page}, rows");
            // The count needs no order, so on a test's few rows PostgreSQL may pick any index that narrows the matches
            // (which one it picks at a million is in the benchmark's plans); SQLite plans from the schema alone.
            var countIndex = Factory.Provider == StorageProvider.Sqlite ? index : null;
            AssertReadsIndex(await ExplainAsync(db, list.CountedAfter(DateTimeOffset.UtcNow, "some-id")), countIndex, $"{name} page {page}, count after the page");
        }
    }

    private static (InstanceFilter Filter, string Index) Case(string name, int page) => name switch
    {
        "definition+status" => (new() { DefinitionId = "case-5", Status = WorkflowStatus.Finished, Page = page }, "IX_WorkflowInstances_DefinitionId_Status_CreatedAt_Id"),
        "tag" => (new() { Tags = [new("channel", "channel-1")], Page = page }, "IX_InstanceTags_Name_Value_CreatedAt_InstanceId"),
        "correlation" => (new() { CorrelationId = "case-17", Page = page }, "IX_WorkflowInstances_CorrelationId_CreatedAt_Id"),
        _ => (new() { Page = page }, "IX_WorkflowInstances_CreatedAt_Id"),
    };

    private async Task<IReadOnlyList<string>> ExplainAsync(WorkflowDbContext db, IQueryable query)
    {
        if (Factory.Provider == StorageProvider.Sqlite)
        {
            return await QueryPlans.ExplainAsync(db, query);
        }

        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            return await QueryPlans.ExplainAsync(db, query);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            await db.Database.CloseConnectionAsync();
        }
    }

    // The index is used (when named); no table is scanned whole; on SQLite, the only sort is the page's own rows' (at
    // the top of the tree: the outer statement orders the page it found by id), never the matches'.
    private static void AssertReadsIndex(IReadOnlyList<string> plan, string? index, string what)
    {
        var text = $"{what}:\n{string.Join('\n', plan)}";
        Assert.True(index is null || plan.Any(line => line.Contains(index, StringComparison.Ordinal)), text);
        Assert.False(plan.Any(line => line.Contains("Seq Scan", StringComparison.Ordinal)), text);
        Assert.False(plan.Any(line => line.TrimStart().StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains(" USING ", StringComparison.Ordinal)), text);
        Assert.False(plan.Any(line => line.StartsWith(' ') && line.Contains("TEMP B-TREE", StringComparison.Ordinal)), text);
    }

    public sealed class Sqlite(SqliteServer server) : InstanceListPlanTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : InstanceListPlanTests(server), IClassFixture<PostgreSqlServer>;
}

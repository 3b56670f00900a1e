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
/// The plan is SQLite's <c>EXPLAIN QUERY PLAN</c>: without statistics SQLite plans from the schema alone, so a test's
/// few rows get the plan a million get. PostgreSQL plans from statistics, and on a test's few rows prefers a sort of
/// them whatever the indexes; its plans at a million are the benchmark's (<c>--preload</c>, printed after the list's
/// timings).
/// </summary>
public sealed class InstanceListPlanTests(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
{
    private static readonly string[] Filters = ["definition+status", "tag", "correlation", "none"];

    [Fact]
    public async Task EveryFilter_ReadsItsPageAndCount_FromTheIndexInListOrder()
    {
        foreach (var (name, page) in Filters.SelectMany(name => new[] { (name, 1), (name, 1000) }))
        {
            var (filter, index) = Case(name, page);
            await using var db = Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
            var list = new InstanceListStatements(db, filter);
            AssertReadsIndex(await QueryPlans.ExplainAsync(db, list.Rows), index, $"{name} page {page}, rows");
            AssertReadsIndex(await QueryPlans.ExplainAsync(db, list.CountedAfter(DateTimeOffset.UtcNow, "some-id")), index, $"{name} page {page}, count after the page");
        }
    }

    private static (InstanceFilter Filter, string Index) Case(string name, int page) => name switch
    {
        "definition+status" => (new() { DefinitionId = "case-5", Status = WorkflowStatus.Finished, Page = page }, "IX_WorkflowInstances_DefinitionId_Status_CreatedAt_Id"),
        "tag" => (new() { Tags = [new("channel", "channel-1")], Page = page }, "IX_InstanceTags_Name_Value_CreatedAt_InstanceId"),
        "correlation" => (new() { CorrelationId = "case-17", Page = page }, "IX_WorkflowInstances_CorrelationId_CreatedAt_Id"),
        _ => (new() { Page = page }, "IX_WorkflowInstances_CreatedAt_Id"),
    };

    // The index is used; no table is scanned whole; the only sort is the page's own rows' (at the top of the tree: the
    // outer statement orders the page it found by id), never the matches'.
    private static void AssertReadsIndex(IReadOnlyList<string> plan, string index, string what)
    {
        var text = $"{what}:\n{string.Join('\n', plan)}";
        Assert.True(plan.Any(line => line.Contains(index, StringComparison.Ordinal)), text);
        Assert.False(plan.Any(line => line.TrimStart().StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains(" USING ", StringComparison.Ordinal)), text);
        Assert.False(plan.Any(line => line.StartsWith(' ') && line.Contains("TEMP B-TREE", StringComparison.Ordinal)), text);
    }
}

using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Server.IntegrationTests.Apis;

/// <summary>
/// The instance list counts its matches exactly up to <see cref="InstanceQueries.CountedBeyondPage"/> past the page's
/// end and says when it stopped there: a count of a million matches would cost more than the page.
/// </summary>
public abstract class InstanceListCountTests(ServerFixture server) : ApiTestBase(server)
{
    private const int PageSize = 50;

    [ProviderFact]
    public async Task TotalCount_IsExactUpToTheBoundPastThePage_AndSaysSoBeyond()
    {
        var definitionId = NewId("many");
        var matches = PageSize + InstanceQueries.CountedBeyondPage + 7;
        await InsertFinishedAsync(definitionId, matches);

        var lastPage = (matches + PageSize - 1) / PageSize;
        var first = await ListInstancesAsync($"definitionId={definitionId}&status=Finished&pageSize={PageSize}");
        var near = await ListInstancesAsync($"definitionId={definitionId}&status=Finished&pageSize={PageSize}&page=2");
        var last = await ListInstancesAsync($"definitionId={definitionId}&status=Finished&pageSize={PageSize}&page={lastPage}");
        var past = await ListInstancesAsync($"definitionId={definitionId}&status=Finished&pageSize={PageSize}&page={lastPage + 100}");

        Assert.Equal((PageSize + InstanceQueries.CountedBeyondPage, false), ((int)first["totalCount"]!, (bool)first["totalCountIsExact"]!));
        Assert.Equal((matches, true), ((int)near["totalCount"]!, (bool)near["totalCountIsExact"]!));
        Assert.Equal((matches, true, matches % PageSize), ((int)last["totalCount"]!, (bool)last["totalCountIsExact"]!, last["items"]!.AsArray().Count));
        Assert.Equal((matches, true), ((int)past["totalCount"]!, (bool)past["totalCountIsExact"]!));
        Assert.Equal(PageSize, first["items"]!.AsArray().Count);
    }

    // Rows as the store keeps them, written directly: ten thousand cases through the API would take minutes.
    private async Task InsertFinishedAsync(string definitionId, int count)
    {
        await using var db = Factory.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        var at = DateTimeOffset.UtcNow;
        db.Instances.AddRange(Enumerable.Range(0, count).Select(i => new WorkflowInstanceRecord
        {
            Id = $"{definitionId}-{i}",
            DefinitionId = definitionId,
            DefinitionVersion = 1,
            Status = WorkflowStatus.Finished,
            SubStatus = WorkflowSubStatus.Finished,
            Snapshot = [],
            CreatedAt = at.AddSeconds(-(i / 3)), // Lines created at the same time, split across pages: the id orders them.
            UpdatedAt = at,
            FinishedAt = at,
        }));
        await db.SaveChangesAsync();
    }

    public sealed class Sqlite(SqliteServer server) : InstanceListCountTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : InstanceListCountTests(server), IClassFixture<PostgreSqlServer>;
}

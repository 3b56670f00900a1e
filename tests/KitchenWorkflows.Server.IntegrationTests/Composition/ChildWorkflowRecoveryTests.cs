using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Entities;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KitchenWorkflows.Server.IntegrationTests.Composition.ChildWorkflowDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Composition;

/// <summary>
/// A process that dies after a child's end is saved and before its parent is resumed: the store then holds a finished
/// child and a parent still waiting for it. A server started on that store resumes the parent (its start-up sweep).
/// </summary>
public sealed class ChildWorkflowRecoveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Restart_BetweenTheChildsEndAndTheParentsResume_ResumesTheParent_Sqlite() => RestartResumesTheParentAsync(StorageProvider.Sqlite);

    [PostgreSqlFact]
    public Task Restart_BetweenTheChildsEndAndTheParentsResume_ResumesTheParent_PostgreSql() => RestartResumesTheParentAsync(StorageProvider.PostgreSql);

    private static async Task RestartResumesTheParentAsync(StorageProvider provider)
    {
        using var first = new ServerFactory(provider);
        using var api = first.CreateAdminClient();
        var eventName = "go-" + Guid.NewGuid().ToString("N")[..8];
        await DeployAsync(api, WaitingChild("recovery-child", eventName));
        await DeployAsync(api, Parent("recovery-parent", "recovery-child", wait: true));
        var execute = await api.PostAsJsonAsync("/api/workflow-definitions/recovery-parent/execute", new { });
        var parentId = (string)(await execute.Content.ReadFromJsonAsync<JsonObject>())!["workflowInstanceId"]!;
        var waiting = await ReadAsync(first.Services, parentId);

        // The child ends and resumes its parent; then the store is put back to the moment between the two saves.
        (await api.PostAsJsonAsync($"/api/events/{eventName}", new { })).EnsureSuccessStatusCode();
        Assert.Equal(WorkflowSubStatus.Finished, (await WaitForAsync(first.Services, parentId)).SubStatus);
        var copy = Path.Combine(Path.GetTempPath(), "kw-it-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var db = StoreAfterCrash(first, copy))
            {
                await RestoreAsync(db, waiting);
            }

            using var second = new ServerFactory(provider)
            {
                Settings = provider == StorageProvider.Sqlite
                    ? new Dictionary<string, string?> { ["Storage:DataDirectory"] = copy }
                    : new Dictionary<string, string?> { ["ConnectionStrings:PostgreSql"] = first.PostgreSqlConnectionString },
            };

            var resumed = await WaitForAsync(second.Services, parentId);

            Assert.Equal(WorkflowSubStatus.Finished, resumed.SubStatus);
            Assert.Equal("42", ((Dictionary<string, object?>)((Dictionary<string, object?>)resumed.Output["child"]!)["output"]!)["Answer"]);
            var journal = await second.Services.GetRequiredService<InstanceQueries>().GetJournalAsync(parentId);
            Assert.Single(journal!, e => e.ActivityId == "run" && e.Status == JournalEntryStatus.Completed);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    private static async Task DeployAsync(HttpClient api, string json)
    {
        var saved = await api.PostAsync("/api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (string)(await saved.Content.ReadFromJsonAsync<JsonObject>())!["definitionId"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/workflow-definitions/{id}/publish", content: null)).StatusCode);
    }

    // The store a restarted server finds: on SQLite a copy of the file (the first server keeps its own open), on
    // PostgreSQL the same database.
    private static WorkflowDbContext StoreAfterCrash(ServerFactory first, string copy)
    {
        if (first.Provider == StorageProvider.PostgreSql)
        {
            return first.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        }

        Directory.CreateDirectory(copy);
        var target = Path.Combine(copy, "kitchenworkflows.db");
        using (var source = new SqliteConnection($"Data Source={Path.Combine(first.DataDirectory, "kitchenworkflows.db")}"))
        using (var destination = new SqliteConnection($"Data Source={target}"))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }

        return new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite($"Data Source={target}").Options);
    }

    private sealed record Waiting(WorkflowInstanceRecord Instance, List<BookmarkRecord> Bookmarks, long JournalSequence);

    private static async Task<Waiting> ReadAsync(IServiceProvider services, string instanceId)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync();
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.NotEmpty(bookmarks);
        return new Waiting(instance, bookmarks, WorkflowStateSerializer.Deserialize(instance.Snapshot).JournalSequence);
    }

    private static async Task RestoreAsync(WorkflowDbContext db, Waiting waiting)
    {
        var id = waiting.Instance.Id;
        await db.Instances.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Snapshot, waiting.Instance.Snapshot)
            .SetProperty(i => i.Status, waiting.Instance.Status)
            .SetProperty(i => i.SubStatus, waiting.Instance.SubStatus)
            .SetProperty(i => i.UpdatedAt, waiting.Instance.UpdatedAt)
            .SetProperty(i => i.FinishedAt, waiting.Instance.FinishedAt));
        await db.Journal.Where(j => j.InstanceId == id && j.Sequence > waiting.JournalSequence).ExecuteDeleteAsync();
        db.Bookmarks.AddRange(waiting.Bookmarks);
        await db.SaveChangesAsync();
    }

    private static async Task<WorkflowInstanceState> WaitForAsync(IServiceProvider services, string instanceId)
    {
        var queries = services.GetRequiredService<InstanceQueries>();
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var state = (await queries.GetAsync(instanceId))!;
            if (state.Status == WorkflowStatus.Finished || DateTime.UtcNow > until)
            {
                return state;
            }

            await Task.Delay(100);
        }
    }
}

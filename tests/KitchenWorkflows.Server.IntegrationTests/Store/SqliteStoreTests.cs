using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace KitchenWorkflows.Server.IntegrationTests.Store;

/// <summary>
/// The SQLite store's single owner: one server process per data directory (its in-process lock is the instance
/// lease), and the WAL copied into the database file beside the writer rather than inside its commits.
/// </summary>
public sealed class SqliteStoreTests(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
{
    private const string Refusal = "is in use by another KitchenWorkflows server process";

    [Fact]
    public async Task SecondServer_OnTheSameDataDirectory_IsRefusedWithTheReason_UntilTheFirstStops()
    {
        var data = Path.Combine(Path.GetTempPath(), "kw-owner-" + Guid.NewGuid().ToString("N"));
        try
        {
            var onData = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data };
            using (var first = new ServerFactory { Settings = onData })
            {
                using var firstClient = first.CreateAdminClient();
                Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/health/ready")).StatusCode);

                using var second = new ServerFactory { Settings = onData };
                var refused = Assert.ThrowsAny<Exception>(() => second.CreateAdminClient());
                Assert.Contains(Refusal, Messages(refused), StringComparison.Ordinal);
            }

            using var next = new ServerFactory { Settings = onData };
            using var nextClient = next.CreateAdminClient();
            Assert.Equal(HttpStatusCode.OK, (await nextClient.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task CommittedInstances_ReachTheDatabaseFile_WhileTheServerRuns()
    {
        // The writer's own commits never checkpoint; without the checkpointer these rows would stay in the WAL
        // until the server stops, and a database file read without it (immutable) would not have them.
        const int count = 40;
        var id = await DeployAsync("wait-for-event.json");
        for (var i = 0; i < count; i++)
        {
            await ExecuteAsync(id, new { correlationId = $"c-{i}" });
        }

        var file = Path.Combine(Factory.DataDirectory, "kitchenworkflows.db");
        var until = Stopwatch.StartNew();
        var inFile = -1;
        while (until.Elapsed < TimeSpan.FromSeconds(15) && (inFile = CountInFileAlone(file, id)) != count)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, inFile);
    }

    [Fact]
    public async Task InlineStarts_UnderAFastPoller_RunOnceEach()
    {
        // On SQLite a new instance has no lease row, so the dispatch poller sees every committed start as pending:
        // a start must hold the instance from before its insert, or the poller runs it too and the second save of
        // the same journal fails.
        using var fastPoll = new ServerFactory { Settings = new Dictionary<string, string?> { ["Runtime:PollInterval"] = "00:00:00.050" } };
        using var client = fastPoll.CreateAdminClient();
        var id = NewId("wait");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/workflow-definitions", Json(LoadWorkflow("wait-for-event.json", id)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).StatusCode);

        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var response = await client.PostAsync($"/api/workflow-definitions/{id}/execute", Json($"{{\"correlationId\":\"c-{i}\"}}"), token);
            statuses.Add(response.StatusCode);
        });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    // The database file without its WAL: immutable=1 makes SQLite read the file as it is on disk.
    private static int CountInFileAlone(string file, string definitionId)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source=file:{file}?immutable=1;Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"DefinitionId\" = $id";
            command.Parameters.AddWithValue("$id", definitionId);
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // Read while a checkpoint was writing the file: look again.
            return -1;
        }
    }

    private static string Messages(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Messages(exception.InnerException);
}

using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Store;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KitchenWorkflows.Server.IntegrationTests.Store;

/// <summary>
/// A save where nodes share the store (PostgreSQL) goes in one round trip, and still only for the node that holds the
/// lease: when another node took the instance over, the save is refused and none of its rows are written.
/// </summary>
public sealed class SharedStoreSaveTests(PostgreSqlServer server) : ApiTestBase(server), IClassFixture<PostgreSqlServer>
{
    private const long LateSequence = 1_000;

    [PostgreSqlFact]
    public async Task Save_AfterAnotherNodeTookTheLease_IsRefusedAndWritesNoRow_ThenTheOwnersSaveIsTaken()
    {
        var (store, instanceId, snapshot, state) = await StartAndClaimAsync("lease");
        var now = DateTimeOffset.UtcNow;
        var late = new JournalEntry { Sequence = LateSequence, ActivityId = "late", ActivityType = "Test", StartedAt = now, CompletedAt = now, Status = JournalEntryStatus.Completed };
        var save = new InstanceSave(state, snapshot, "node-a", state.Bookmarks.Select(b => b.Id).ToHashSet(), new Dictionary<string, string>(state.Tags), [late], Incident: null);

        await SetLeaseOwnerAsync(instanceId, "node-b");
        Assert.False(await store.SaveAsync(save, CancellationToken.None));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM \"Journal\" WHERE \"InstanceId\" = @id AND \"Sequence\" = " + LateSequence, instanceId));

        await SetLeaseOwnerAsync(instanceId, "node-a");
        Assert.True(await store.SaveAsync(save, CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM \"Journal\" WHERE \"InstanceId\" = @id AND \"Sequence\" = " + LateSequence, instanceId));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Id\" = @id AND \"LeaseOwner\" IS NULL", instanceId));
    }

    [PostgreSqlFact]
    public async Task Save_OfALongRunsProgress_KeepsTheLeaseForTheRestOfTheRun()
    {
        var (store, instanceId, snapshot, state) = await StartAndClaimAsync("commit");
        var progress = new InstanceSave(state, snapshot, "node-a", state.Bookmarks.Select(b => b.Id).ToHashSet(), new Dictionary<string, string>(state.Tags), [], Incident: null, KeepsLease: true);

        Assert.True(await store.SaveAsync(progress, CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Id\" = @id AND \"LeaseOwner\" = 'node-a' AND \"LeaseUntil\" IS NOT NULL", instanceId));

        Assert.True(await store.SaveAsync(progress with { KeepsLease = false }, CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM \"WorkflowInstances\" WHERE \"Id\" = @id AND \"LeaseOwner\" IS NULL AND \"LeaseUntil\" IS NULL", instanceId));
    }

    // A waiting instance, claimed by node-a as a run would claim it.
    private async Task<(RuntimeStore Store, string InstanceId, byte[] Snapshot, WorkflowInstanceState State)> StartAndClaimAsync(string correlationId)
    {
        var definitionId = await DeployAsync("wait-for-event.json");
        var instanceId = (string)(await ExecuteAsync(definitionId, new { correlationId }))["workflowInstanceId"]!;
        var store = Factory.Services.GetRequiredService<RuntimeStore>();
        var now = DateTimeOffset.UtcNow;
        var snapshot = await store.TryClaimAsync(instanceId, "node-a", now, now.AddMinutes(1), CancellationToken.None);
        Assert.NotNull(snapshot);
        return (store, instanceId, snapshot, WorkflowStateSerializer.Deserialize(snapshot));
    }

    // What another node's claim leaves in the row.
    private Task SetLeaseOwnerAsync(string instanceId, string node) =>
        CountAsync($"UPDATE \"WorkflowInstances\" SET \"LeaseOwner\" = '{node}' WHERE \"Id\" = @id RETURNING 1", instanceId);

    private async Task<int> CountAsync(string sql, string instanceId)
    {
        await using var connection = new NpgsqlConnection(Factory.PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", instanceId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

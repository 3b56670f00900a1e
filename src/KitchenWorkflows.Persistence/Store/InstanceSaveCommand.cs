using System.Text.Json;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// The statements of a save (<see cref="InstanceSave"/>): the instance's snapshot and the columns read from it, the
/// bookmark and tag rows that changed, the new journal entries and the incident.
/// </summary>
/// <remarks>
/// On SQLite the update runs first, and the rows follow in the writer's transaction when it found the instance. On
/// PostgreSQL the save is one statement, run as one implicit transaction in one round trip (a transaction of its own
/// took three): the guarded update (the lease must still be this node's; it is released, unless a long run commits its
/// progress and runs on) is the CTE <c>saved</c>,
/// every row change is a data-modifying CTE that writes only when <c>saved</c> returned a row, and the statement
/// returns how many rows <c>saved</c> updated. Zero means another node took the lease over, and nothing was written.
/// The CTEs of one statement run in no set order, so a changed tag is upserted rather than deleted and inserted.
/// </remarks>
internal static class InstanceSaveCommand
{
    private const string Saved = "saved";

    private static readonly StoreSql Update = new("""
        UPDATE "WorkflowInstances"
        SET "Snapshot" = @snapshot, "Status" = @status, "SubStatus" = @subStatus, "CorrelationId" = @correlation,
            "UpdatedAt" = @updated, "FinishedAt" = @finished, "Revision" = "Revision" + 1, "DefinitionVersion" = @version
        WHERE "Id" = @id
        """);

    private static readonly StoreSql UpdateIfLeaseHeld = new("""
        WITH saved AS (
            UPDATE "WorkflowInstances"
            SET "Snapshot" = @snapshot, "Status" = @status, "SubStatus" = @subStatus, "CorrelationId" = @correlation,
                "UpdatedAt" = @updated, "FinishedAt" = @finished, "Revision" = "Revision" + 1, "DefinitionVersion" = @version,
                "LeaseOwner" = NULLIF("LeaseOwner", @releasedBy),
                "LeaseUntil" = CASE WHEN "LeaseOwner" = @releasedBy THEN NULL ELSE "LeaseUntil" END
            WHERE "Id" = @id AND "LeaseOwner" = @node
            RETURNING 1)
        """);

    private static readonly StoreSql CountSaved = new("""
        SELECT COUNT(*) FROM saved
        """);

    private static readonly StoreSql DeleteBookmark = new("""
        DELETE FROM "Bookmarks" WHERE "Id" = @id
        """);

    private static readonly StoreSql DeleteTag = new("""
        DELETE FROM "InstanceTags" WHERE "InstanceId" = @instance AND "Name" = @name
        """);

    private static readonly StoreRows<Bookmark> InsertBookmarks = new("""
        INSERT INTO "Bookmarks" ("Id", "InstanceId", "ActivityId", "Name", "CorrelationId", "DueAt", "CreatedAt")
        """,
        [(_, b) => b.Id, (id, _) => id, (_, b) => b.ActivityId, (_, b) => b.Name, (_, b) => b.CorrelationId, (_, b) => b.DueAt, (_, b) => b.CreatedAt]);

    // A tag row carries its instance's creation time, which the list by tag orders on (InstanceTagRecord.CreatedAt).
    private static readonly StoreRows<TagRow> UpsertTags = new("""
        INSERT INTO "InstanceTags" ("InstanceId", "Name", "Value", "CreatedAt")
        """,
        [(id, _) => id, (_, t) => t.Name, (_, t) => t.Value, (_, t) => t.InstanceCreatedAt],
        """
         ON CONFLICT ("InstanceId", "Name") DO UPDATE SET "Value" = excluded."Value"
        """);

    private static readonly StoreRows<JournalEntry> InsertJournal = new("""
        INSERT INTO "Journal" ("InstanceId", "Sequence", "ActivityId", "ActivityType", "ActivityName", "StartedAt", "CompletedAt",
            "Status", "Outcomes", "Message", "Error")
        """,
        [(id, _) => id, (_, e) => e.Sequence, (_, e) => e.ActivityId, (_, e) => e.ActivityType, (_, e) => e.ActivityName, (_, e) => e.StartedAt, (_, e) => e.CompletedAt,
            (_, e) => e.Status, (_, e) => JsonSerializer.Serialize(e.Outcomes), (_, e) => e.Message, (_, e) => e.Error]);

    private static readonly StoreRows<Incident> InsertIncident = new("""
        INSERT INTO "Incidents" ("InstanceId", "ActivityId", "ActivityType", "Message", "ExceptionType", "Attempts", "Timestamp")
        """,
        [(id, _) => id, (_, i) => i.ActivityId, (_, i) => i.ActivityType, (_, i) => i.Message, (_, i) => i.ExceptionType, (_, i) => i.Attempts, (_, i) => i.Timestamp]);

    /// <summary>SQLite: the update, and the rows only when it found the instance; false when it did not.</summary>
    public static async Task<bool> SaveAsync(StoreConnection connection, InstanceSave save, CancellationToken cancellationToken)
    {
        await using var update = BindInstance(connection.Command().Append(Update), save);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await using var rows = AppendRowChanges(connection.Command(), save, out var any);
        if (any)
        {
            await rows.ExecuteNonQueryAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>PostgreSQL: the save as one statement; false when the lease was no longer this node's.</summary>
    public static async Task<bool> SaveIfLeaseHeldAsync(StoreConnection connection, InstanceSave save, CancellationToken cancellationToken)
    {
        await using var command = BindInstance(connection.Command().Append(UpdateIfLeaseHeld), save)
            .Bind<WorkflowInstanceRecord>("node", nameof(WorkflowInstanceRecord.LeaseOwner), save.Node)
            // The save that ends a run gives the lease back; a long run's commit keeps it (no owner is named '').
            .Bind<WorkflowInstanceRecord>("releasedBy", nameof(WorkflowInstanceRecord.LeaseOwner), save.KeepsLease ? "" : save.Node)
            .GuardedBy(Saved);
        AppendRowChanges(command, save, out _).Append(CountSaved);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static StoreCommand BindInstance(StoreCommand command, InstanceSave save)
    {
        var state = save.State;
        return command
            .Bind<WorkflowInstanceRecord>("snapshot", nameof(WorkflowInstanceRecord.Snapshot), save.Snapshot)
            .Bind<WorkflowInstanceRecord>("status", nameof(WorkflowInstanceRecord.Status), state.Status)
            .Bind<WorkflowInstanceRecord>("subStatus", nameof(WorkflowInstanceRecord.SubStatus), state.SubStatus)
            .Bind<WorkflowInstanceRecord>("correlation", nameof(WorkflowInstanceRecord.CorrelationId), state.CorrelationId)
            .Bind<WorkflowInstanceRecord>("updated", nameof(WorkflowInstanceRecord.UpdatedAt), state.UpdatedAt)
            .Bind<WorkflowInstanceRecord>("finished", nameof(WorkflowInstanceRecord.FinishedAt), state.FinishedAt)
            // Changes only when an alteration migrates the instance to another version of its definition.
            .Bind<WorkflowInstanceRecord>("version", nameof(WorkflowInstanceRecord.DefinitionVersion), state.DefinitionVersion)
            .Bind<WorkflowInstanceRecord>("id", nameof(WorkflowInstanceRecord.Id), state.Id);
    }

    // Removed bookmarks are deleted and new ones inserted (a bookmark never changes under its id); removed tags are
    // deleted, new and changed ones upserted; then the journal entries and the incident. Any: whether there was a change.
    private static StoreCommand AppendRowChanges(StoreCommand command, InstanceSave save, out bool any)
    {
        var state = save.State;
        var id = state.Id;
        any = false;
        foreach (var stored in save.StoredBookmarkIds)
        {
            if (!state.Bookmarks.Exists(b => b.Id == stored))
            {
                command.StartStatement().Append(DeleteBookmark).Bind<BookmarkRecord>("id", nameof(BookmarkRecord.Id), stored).AndOnlyIfGuarded().EndStatement();
                any = true;
            }
        }

        foreach (var (name, _) in save.StoredTags)
        {
            if (!state.Tags.ContainsKey(name))
            {
                command.StartStatement().Append(DeleteTag)
                    .Bind<InstanceTagRecord>("instance", nameof(InstanceTagRecord.InstanceId), id)
                    .Bind<InstanceTagRecord>("name", nameof(InstanceTagRecord.Name), name)
                    .AndOnlyIfGuarded().EndStatement();
                any = true;
            }
        }

        var newBookmarks = state.Bookmarks.FindAll(b => !save.StoredBookmarkIds.Contains(b.Id));
        List<TagRow> changedTags = [.. state.Tags.Where(t => !save.StoredTags.TryGetValue(t.Key, out var before) || before != t.Value)
            .Select(t => new TagRow(t.Key, t.Value, state.CreatedAt))];
        IReadOnlyList<Incident> incidents = save.Incident is null ? [] : [save.Incident];
        any |= newBookmarks.Count > 0 || changedTags.Count > 0 || save.Journal.Count > 0 || incidents.Count > 0;
        return command.InsertRows(InsertBookmarks, id, newBookmarks)
            .InsertRows(UpsertTags, id, changedTags)
            .InsertRows(InsertJournal, id, save.Journal)
            .InsertRows(InsertIncident, id, incidents);
    }

    private readonly record struct TagRow(string Name, string Value, DateTimeOffset InstanceCreatedAt);
}

using System.Data.Common;
using KitchenWorkflows.Persistence.Entities;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// What an event reaches (<see cref="RuntimeStore.FindEventTargetsAsync"/>): both queries in one command, one round
/// trip on PostgreSQL. The optional filters are appended as parts of the statement.
/// </summary>
internal static class EventTargetQuery
{
    private static readonly StoreSql WaitingBookmarks = new("""
        SELECT "InstanceId", "Id" FROM "Bookmarks" WHERE "Name" = @event AND "DueAt" IS NULL
        """);

    private static readonly StoreSql OnCorrelation = new("""
         AND "CorrelationId" = @correlation
        """);

    private static readonly StoreSql OfInstancesOfDefinitions = new("""
         AND "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "DefinitionId" IN (
        """);

    private static readonly StoreSql EventTriggers = new("""
        SELECT "DefinitionId", "ActivityId" FROM "Triggers" WHERE "EventName" = @event
        """);

    private static readonly StoreSql OfDefinitions = new("""
         AND "DefinitionId" IN (
        """);

    public static async Task<EventTargets> RunAsync(StoreConnection connection, string eventName, string? correlationId, IReadOnlyCollection<string>? onlyDefinitions, CancellationToken cancellationToken)
    {
        await using var command = connection.Command().Append(WaitingBookmarks)
            .Bind<BookmarkRecord>("event", nameof(BookmarkRecord.Name), eventName);
        if (correlationId is not null)
        {
            command.Append(OnCorrelation).Bind<BookmarkRecord>("correlation", nameof(BookmarkRecord.CorrelationId), correlationId);
        }

        if (onlyDefinitions is not null)
        {
            command.Append(OfInstancesOfDefinitions).Values<WorkflowInstanceRecord>(nameof(WorkflowInstanceRecord.DefinitionId), onlyDefinitions).Append("))");
        }

        command.Append(";\n").Append(EventTriggers).Bind<TriggerRecord>("event", nameof(TriggerRecord.EventName), eventName);
        if (onlyDefinitions is not null)
        {
            command.Append(OfDefinitions).Values<TriggerRecord>(nameof(TriggerRecord.DefinitionId), onlyDefinitions).Append(")");
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bookmarks = await ReadPairsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return new EventTargets(bookmarks, await ReadPairsAsync(reader, cancellationToken));
    }

    private static async Task<List<(string, string)>> ReadPairsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetString(1)));
        }

        return found;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Testing.Server;

/// <summary>
/// The plan the database makes for an EF query, with the query's own parameters: SQLite's <c>EXPLAIN QUERY PLAN</c>
/// (its tree, indented), PostgreSQL's <c>EXPLAIN</c>, or with <c>analyze</c> its <c>EXPLAIN (ANALYZE, BUFFERS)</c>,
/// which runs the query.
/// </summary>
public static class QueryPlans
{
    public static async Task<IReadOnlyList<string>> ExplainAsync(DbContext db, IQueryable query, bool analyze = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + command.CommandText;
            await using var reader = await command.ExecuteReaderAsync();
            return sqlite ? await ReadSqliteTreeAsync(reader) : await ReadLinesAsync(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Rows of (id, parent, notused, detail): each detail indented below its parent's.
    private static async Task<List<string>> ReadSqliteTreeAsync(DbDataReader reader)
    {
        var depths = new Dictionary<long, int>();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var depth = depths.TryGetValue(reader.GetInt64(1), out var parentDepth) ? parentDepth + 1 : 0;
            depths[reader.GetInt64(0)] = depth;
            lines.Add(new string(' ', 2 * depth) + reader.GetString(3));
        }

        return lines;
    }

    private static async Task<List<string>> ReadLinesAsync(DbDataReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return lines;
    }
}

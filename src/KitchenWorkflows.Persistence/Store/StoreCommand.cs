using System.Data.Common;
using System.Globalization;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// A command of hand-written SQL statements (<see cref="StoreSql"/>, <see cref="StoreRows{TRow}"/>) over the EF model:
/// parameter placeholders are written by the provider's SQL helper, and every value is bound through its column's own EF
/// type mapping, so a row written here is exactly the row EF would write (SQLite's DateTimeOffset as ticks,
/// enums as names) on either provider. The hot path uses it instead of LINQ, whose per-call work (expression
/// parameter extraction that compiles small lambdas, cache-key hashing, change tracking) cost many times more
/// than the statements themselves. On a <see cref="SqliteSession"/> the text runs as the session's prepared
/// statement when it has one, and only the parameter values change (<see cref="StoreBuffer"/>).
/// </summary>
internal sealed class StoreCommand(StoreConnection connection) : IAsyncDisposable
{
    // SQLite allows 32,766 parameters in a statement and PostgreSQL 65,535; the widest row here has 11 columns.
    private const int RowsPerInsert = 500;

    private readonly StoreModel _model = connection.Model;
    private StoreBuffer? _buffer = StoreBuffer.Rent();
    private DbCommand? _oneOff;
    private StoreSql? _bindSql;
    private int _bindFirst;
    private string? _guard;
    private int _ctes;

    private StoreBuffer Buffer => _buffer ?? throw new ObjectDisposedException(nameof(StoreCommand));

    /// <summary>Appends raw SQL that names nothing of the model (a separator, a CTE's name).</summary>
    public StoreCommand Append(string text)
    {
        Buffer.Text.Append(text);
        return this;
    }

    /// <summary>Appends a statement (or a part of one); <see cref="Bind{TEntity}"/> then gives its parameters' values.</summary>
    public StoreCommand Append(StoreSql sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var values = Buffer.Values;
        _bindFirst = values.Count;
        _bindSql = sql;
        sql.WriteTo(Buffer.Text, _model, _bindFirst);
        for (var i = 0; i < sql.Parameters.Count; i++)
        {
            values.Add((null!, null));
        }

        return this;
    }

    /// <summary>
    /// Gives parameter <c>@<paramref name="parameter"/></c> of the statement appended last its value, bound as the column of
    /// <paramref name="property"/> (give it with <c>nameof</c>) stores it.
    /// </summary>
    public StoreCommand Bind<TEntity>(string parameter, string property, object? value)
    {
        var sql = _bindSql ?? throw new InvalidOperationException("No statement to bind.");
        Buffer.Values[_bindFirst + sql.IndexOf(parameter)] = (_model.Column(typeof(TEntity), property), value);
        return this;
    }

    /// <summary>
    /// Appends a comma-separated parameter list for <c>IN (...)</c>, each value bound as the column of
    /// <paramref name="property"/> stores it; <c>NULL</c> when there are none, so that <c>x IN (NULL)</c> matches nothing.
    /// </summary>
    public StoreCommand Values<TEntity>(string property, IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var column = _model.Column(typeof(TEntity), property);
        var list = Buffer.Values;
        var first = true;
        foreach (var value in values)
        {
            list.Add((column, value));
            Append(first ? "" : ", ").Append(_model.Parameter(list.Count - 1).Placeholder);
            first = false;
        }

        return first ? Append("NULL") : this;
    }

    /// <summary>
    /// From here on, every statement (<see cref="StartStatement"/> to <see cref="EndStatement"/>) is a data-modifying CTE of
    /// the statement that begins with <c>WITH <paramref name="cte"/> AS (...)</c>, and writes only when that CTE returned a
    /// row (<see cref="AndOnlyIfGuarded"/>): PostgreSQL's way to make writes depend on an update in one statement.
    /// </summary>
    public StoreCommand GuardedBy(string cte)
    {
        _guard = cte;
        return this;
    }

    /// <summary>Begins a statement: nothing, or in a guarded command the next CTE's <c>, wN AS (</c>.</summary>
    public StoreCommand StartStatement() =>
        _guard is null ? this : Append(", w").Append(_ctes++.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" AS (");

    /// <summary>Ends a statement: <c>;</c>, or in a guarded command the CTE's closing parenthesis.</summary>
    public StoreCommand EndStatement() => Append(_guard is null ? ";\n" : ")\n");

    /// <summary>In a guarded command, <c> AND EXISTS (SELECT 1 FROM guard)</c> for a statement's WHERE clause.</summary>
    public StoreCommand AndOnlyIfGuarded() => _guard is null ? this : Append(" AND EXISTS (SELECT 1 FROM ").Append(_guard).Append(")");

    /// <summary>
    /// Appends <c>head VALUES (...), (...) tail;</c> for the rows of instance <paramref name="instanceId"/>, a statement
    /// per <see cref="RowsPerInsert"/> rows to stay under the providers' parameter limits; nothing when there are none.
    /// In a guarded command the values are selected <c>WHERE EXISTS (SELECT 1 FROM guard)</c>.
    /// </summary>
    public StoreCommand InsertRows<TRow>(StoreRows<TRow> insert, string instanceId, IReadOnlyList<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(rows);
        for (var start = 0; start < rows.Count; start += RowsPerInsert)
        {
            StartStatement().Append(insert.Head).Append(_guard is null ? " VALUES " : " SELECT * FROM (VALUES ");
            for (var r = start; r < Math.Min(start + RowsPerInsert, rows.Count); r++)
            {
                Append(r == start ? "(" : ", (").RowValues(insert, instanceId, rows[r]).Append(")");
            }

            if (_guard is not null)
            {
                Append(") AS row_values WHERE EXISTS (SELECT 1 FROM ").Append(_guard).Append(")");
            }

            Append(insert.Tail).EndStatement();
        }

        return this;
    }

    /// <summary>
    /// Appends <c>head SELECT values WHERE condition;</c>: the row is written only when <paramref name="condition"/> holds
    /// when the statement runs; bind the condition's parameters next.
    /// </summary>
    public StoreCommand InsertRowWhere<TRow>(StoreRows<TRow> insert, string instanceId, TRow row, StoreSql condition)
    {
        ArgumentNullException.ThrowIfNull(insert);
        return Append(insert.Head).Append(" SELECT ").RowValues(insert, instanceId, row).Append(" WHERE ").Append(condition);
    }

    private StoreCommand RowValues<TRow>(StoreRows<TRow> insert, string instanceId, TRow row)
    {
        var values = Buffer.Values;
        for (var c = 0; c < insert.Values.Length; c++)
        {
            values.Add((_model.Column(insert.Table, insert.Columns[c]), insert.Values[c](instanceId, row)));
            Append(c == 0 ? "" : ", ").Append(_model.Parameter(values.Count - 1).Placeholder);
        }

        return this;
    }

    public async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteScalarAsync(cancellationToken);

    /// <summary>Appends <c> LIMIT n</c> as a literal: limits are a few constants, and both providers read LIMIT the same way.</summary>
    public StoreCommand Limit(int limit) => Append(" LIMIT " + limit.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Runs the command and reads the first column of its first result as strings (ids); any statements after the
    /// first run to their end before this returns.
    /// </summary>
    public async Task<List<string>> ReadStringsAsync(CancellationToken cancellationToken)
    {
        await using var reader = await ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return values;
    }

    /// <summary>Runs the query; the caller disposes the reader before the next command of the connection.</summary>
    public Task<DbDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) =>
        Build().ExecuteReaderAsync(cancellationToken);

    /// <summary>
    /// Gives the buffer back, and disposes a command made for this text alone (an undisposed one is finalized,
    /// contending for the connection); a prepared one stays with its session.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_oneOff is not null)
        {
            await _oneOff.DisposeAsync();
            _oneOff = null;
        }

        if (_buffer is not null)
        {
            StoreBuffer.Return(_buffer);
            _buffer = null;
        }
    }

    private DbCommand Build()
    {
        var buffer = Buffer;
        foreach (var (column, _) in buffer.Values)
        {
            if (column is null)
            {
                throw new InvalidOperationException($"A parameter of this statement has no value: {buffer.Text}");
            }
        }

        if (connection.Session?.Prepared(buffer.Text) is { } prepared)
        {
            Bind(prepared, buffer.Values);
            prepared.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction?)connection.Transaction;
            return prepared;
        }

        var command = _oneOff = connection.Connection.CreateCommand();
        command.CommandText = buffer.Text.ToString();
        command.Transaction = connection.Transaction;
        AddParameters(command, buffer.Values);
        return command;
    }

    // A prepared command keeps the parameters its first run made through the columns' type mappings; the same text
    // binds the same columns in the same order, so later runs only convert and set the values.
    private void Bind(DbCommand prepared, List<(StoreColumn Column, object? Value)> values)
    {
        if (prepared.Parameters.Count != values.Count)
        {
            prepared.Parameters.Clear();
            AddParameters(prepared, values);
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var (column, value) = values[i];
            prepared.Parameters[i].Value = (column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }

    private void AddParameters(DbCommand command, List<(StoreColumn Column, object? Value)> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var (column, value) = values[i];
            command.Parameters.Add(column.Mapping.CreateParameter(command, _model.Parameter(i).Name, value, column.IsNullable));
        }
    }
}

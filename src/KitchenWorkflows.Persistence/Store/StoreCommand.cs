using System.Data.Common;
using System.Text;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// A hand-written SQL command over the EF model: table and column names come from the model, identifiers and
/// parameters are written by the provider's SQL helper, and every value is bound through the column's own EF
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

    public bool IsEmpty => Buffer.Text.Length == 0;

    private StoreBuffer Buffer => _buffer ?? throw new ObjectDisposedException(nameof(StoreCommand));

    public StoreCommand Append(string text)
    {
        Buffer.Text.Append(text);
        return this;
    }

    /// <summary>The delimited table name of an entity.</summary>
    public StoreCommand Table<TEntity>() => Append(_model.Table(typeof(TEntity)));

    /// <summary>The delimited column name of a property (give it with <c>nameof</c>).</summary>
    public StoreCommand Column<TEntity>(string property) => Append(_model.Column(typeof(TEntity), property).Name);

    /// <summary><c>column = value</c>, the value bound as the column stores it.</summary>
    public StoreCommand Set<TEntity>(string property, object? value) => Column<TEntity>(property).Append(" = ").Value<TEntity>(property, value);

    /// <summary>A parameter holding <paramref name="value"/> as the column of <paramref name="property"/> stores it.</summary>
    public StoreCommand Value<TEntity>(string property, object? value)
    {
        var values = Buffer.Values;
        values.Add((_model.Column(typeof(TEntity), property), value));
        return Append(_model.Parameter(values.Count - 1).Placeholder);
    }

    /// <summary>
    /// A comma-separated parameter list for <c>IN (...)</c>; <c>NULL</c> when there are no values, so that
    /// <c>x IN (NULL)</c> matches nothing.
    /// </summary>
    public StoreCommand Values<TEntity>(string property, IEnumerable<object?> values)
    {
        var first = true;
        foreach (var value in values)
        {
            Append(first ? "" : ", ").Value<TEntity>(property, value);
            first = false;
        }

        return first ? Append("NULL") : this;
    }

    /// <summary>
    /// Appends <c>INSERT INTO table (columns) VALUES (...), (...);</c> for the rows (into the table of <typeparamref name="TEntity"/>), a statement per
    /// <see cref="RowsPerInsert"/> rows to stay under the providers' parameter limits; nothing when there are none.
    /// </summary>
    public StoreCommand InsertRows<TEntity, TRow>(IReadOnlyList<TRow> rows, params (string Property, Func<TRow, object?> Value)[] columns)
    {
        for (var start = 0; start < rows.Count; start += RowsPerInsert)
        {
            InsertInto<TEntity, TRow>(columns).Append(" VALUES ");
            for (var r = start; r < Math.Min(start + RowsPerInsert, rows.Count); r++)
            {
                Append(r == start ? "(" : ", (").RowValues<TEntity, TRow>(rows[r], columns).Append(")");
            }

            Append(";\n");
        }

        return this;
    }

    /// <summary>
    /// Appends <c>INSERT INTO table (columns) SELECT values WHERE condition;</c>: the row is written only when
    /// <paramref name="condition"/> (SQL appended by the caller) holds when the statement runs.
    /// </summary>
    public StoreCommand InsertRowWhere<TEntity, TRow>(TRow row, Action<StoreCommand> condition, params (string Property, Func<TRow, object?> Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(condition);
        InsertInto<TEntity, TRow>(columns).Append(" SELECT ").RowValues<TEntity, TRow>(row, columns).Append(" WHERE ");
        condition(this);
        return Append(";\n");
    }

    private StoreCommand InsertInto<TEntity, TRow>((string Property, Func<TRow, object?> Value)[] columns)
    {
        Append("INSERT INTO ").Table<TEntity>().Append(" (");
        for (var c = 0; c < columns.Length; c++)
        {
            Append(c == 0 ? "" : ", ").Column<TEntity>(columns[c].Property);
        }

        return Append(")");
    }

    private StoreCommand RowValues<TEntity, TRow>(TRow row, (string Property, Func<TRow, object?> Value)[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            Append(c == 0 ? "" : ", ").Value<TEntity>(columns[c].Property, columns[c].Value(row));
        }

        return this;
    }

    public async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteScalarAsync(cancellationToken);

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

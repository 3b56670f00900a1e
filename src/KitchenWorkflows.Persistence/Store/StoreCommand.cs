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
/// statement when it has one.
/// </summary>
internal sealed class StoreCommand(StoreConnection connection) : IAsyncDisposable
{
    // SQLite allows 32,766 parameters in a statement and PostgreSQL 65,535; the widest row here has 11 columns.
    private const int RowsPerInsert = 500;

    private readonly StringBuilder _text = new();
    // The type mappings create parameters through a command, so they are made on this one; it runs the text
    // itself unless the session has the text prepared, which then takes the parameters over.
    private readonly DbCommand _command = connection.Connection.CreateCommand();
    private readonly StoreModel _model = connection.Model;
    private int _parameters;

    public StoreCommand Append(string text)
    {
        _text.Append(text);
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
        var column = _model.Column(typeof(TEntity), property);
        var name = "p" + _parameters++;
        _command.Parameters.Add(column.Mapping.CreateParameter(_command, _model.Sql.GenerateParameterName(name), value, column.IsNullable));
        return Append(_model.Sql.GenerateParameterNamePlaceholder(name));
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
            Append("INSERT INTO ").Table<TEntity>().Append(" (");
            for (var c = 0; c < columns.Length; c++)
            {
                Append(c == 0 ? "" : ", ").Column<TEntity>(columns[c].Property);
            }

            Append(") VALUES ");
            for (var r = start; r < Math.Min(start + RowsPerInsert, rows.Count); r++)
            {
                Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    Append(c == 0 ? "" : ", ").Value<TEntity>(columns[c].Property, columns[c].Value(rows[r]));
                }

                Append(")");
            }

            Append(";\n");
        }

        return this;
    }

    public bool IsEmpty => _text.Length == 0;

    public async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        await Build().ExecuteScalarAsync(cancellationToken);

    /// <summary>Runs the query; the caller disposes the reader before the next command of the connection.</summary>
    public Task<DbDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) =>
        Build().ExecuteReaderAsync(cancellationToken);

    /// <summary>Disposes the command this made (an undisposed one is finalized, contending for the connection); a prepared one stays with its session.</summary>
    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private DbCommand Build()
    {
        var text = _text.ToString();
        if (connection.Session?.Prepared(text) is { } prepared)
        {
            foreach (DbParameter parameter in _command.Parameters)
            {
                prepared.Parameters.Add(parameter);
            }

            prepared.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction?)connection.Transaction;
            return prepared;
        }

        _command.CommandText = text;
        _command.Transaction = connection.Transaction;
        return _command;
    }
}

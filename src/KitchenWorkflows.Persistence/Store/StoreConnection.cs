using System.Data.Common;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Where store commands run: an open connection, its transaction if any, the SQLite session whose prepared
/// statements they reuse (none on PostgreSQL), and the model that names tables and columns.
/// </summary>
internal readonly record struct StoreConnection(DbConnection Connection, DbTransaction? Transaction, SqliteSession? Session, StoreModel Model)
{
    public StoreCommand Command() => new(this);
}

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Makes one process the owner of a SQLite database: an exclusive lock on <c>&lt;database&gt;.owner</c>, which the
/// operating system drops when the process ends, however it ends. The owner runs every instance of the file, so its
/// in-process lock is the instance lease and no lease rows are written; several nodes need PostgreSQL.
/// </summary>
internal sealed class SqliteOwnerLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteOwnerLock(FileStream file) => _file = file;

    /// <exception cref="InvalidOperationException">Another process owns the database.</exception>
    public static SqliteOwnerLock Acquire(string databasePath)
    {
        var path = databasePath + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            // The owner's process id, for whoever finds the file locked.
            file.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            file.Write(pid);
            file.Flush();
            return new SqliteOwnerLock(file);
        }
        catch (IOException ex) when (StorageFault.Describe(ex) is { } cause)
        {
            // A full or read-only disk refuses the owner file too; that is no other process's doing.
            throw new InvalidOperationException($"The SQLite database '{databasePath}' cannot be written: {cause} ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The SQLite database '{databasePath}' is in use by another KitchenWorkflows server process (see '{path}'). " +
                "A SQLite data directory serves one server process; run several nodes on PostgreSQL (Storage__Provider=PostgreSql).", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}

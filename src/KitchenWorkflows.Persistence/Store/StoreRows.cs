namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// An insert of many rows: its SQL head written as text (<c>INSERT INTO "Journal" ("InstanceId", "Sequence", ...)</c>,
/// the convention of <see cref="StoreSql"/>), and for each listed column, in the same order, where a row's value comes
/// from (the instance id the rows belong to, and the row). <see cref="StoreCommand.InsertRows{TRow}"/> adds the values.
/// </summary>
/// <param name="head">The <c>INSERT INTO table (columns)</c> part.</param>
/// <param name="values">A value per listed column, in their order.</param>
/// <param name="tail">What follows the values (an <c>ON CONFLICT</c> clause), or empty.</param>
internal sealed class StoreRows<TRow>(string head, Func<string, TRow, object?>[] values, string tail = "")
{
    public StoreSql Head { get; } = new(head);

    public StoreSql Tail { get; } = new(tail);

    /// <summary>The table, and the columns in the order of <see cref="Values"/>.</summary>
    public string Table => Head.Identifiers[0];

    public IReadOnlyList<string> Columns { get; } = CheckedColumns(head, values.Length);

    public Func<string, TRow, object?>[] Values { get; } = values;

    private static string[] CheckedColumns(string head, int valueCount)
    {
        var columns = new StoreSql(head).Identifiers.Skip(1).ToArray();
        return columns.Length == valueCount ? columns
            : throw new ArgumentException($"{head} lists {columns.Length} columns but {valueCount} values are given.", nameof(head));
    }
}

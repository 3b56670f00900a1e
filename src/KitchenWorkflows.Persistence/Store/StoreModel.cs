using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// The EF model as hand-written SQL needs it: delimited table and column names and each column's type mapping,
/// looked up once per process. Built from the first context, because the model and the provider's SQL helper
/// are the same for every context of the process.
/// </summary>
internal sealed class StoreModel
{
    private readonly IModel _model;
    private readonly ConcurrentDictionary<Type, string> _tables = new();
    private readonly ConcurrentDictionary<(Type Entity, string Property), StoreColumn> _columns = new();

    public StoreModel(WorkflowDbContext db)
    {
        _model = db.Model;
        Sql = db.GetService<ISqlGenerationHelper>();
    }

    public ISqlGenerationHelper Sql { get; }

    public string Table(Type entity) => _tables.GetOrAdd(entity, static (type, self) =>
        self.Sql.DelimitIdentifier(self.Entity(type).GetTableName()!), this);

    public StoreColumn Column(Type entity, string property) => _columns.GetOrAdd((entity, property), static (key, self) =>
    {
        var column = self.Entity(key.Entity).FindProperty(key.Property)
            ?? throw new InvalidOperationException($"{key.Entity.Name}.{key.Property} is not mapped.");
        return new StoreColumn(self.Sql.DelimitIdentifier(column.GetColumnName()), (RelationalTypeMapping)column.GetRelationalTypeMapping(), column.IsNullable);
    }, this);

    private IEntityType Entity(Type type) =>
        _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
}

/// <summary>A column: its delimited name, and the mapping that turns a CLR value into the stored one.</summary>
internal sealed record StoreColumn(string Name, RelationalTypeMapping Mapping, bool IsNullable);

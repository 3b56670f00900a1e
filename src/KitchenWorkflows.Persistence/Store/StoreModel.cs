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
    private readonly ConcurrentDictionary<(string Table, string Column), StoreColumn> _namedColumns = new();
    private readonly Lock _parametersGate = new();
    private StoreParameter[] _parameters = [];

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

    /// <summary>A column by its table's and its own name in the database, as <see cref="StoreRows{TRow}"/> lists them.</summary>
    public StoreColumn Column(string table, string column) => _namedColumns.GetOrAdd((table, column), static (key, self) =>
    {
        var entity = self._model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == key.Table)
            ?? throw new InvalidOperationException($"No table \"{key.Table}\" in the model.");
        var property = entity.GetProperties().FirstOrDefault(p => p.GetColumnName() == key.Column)
            ?? throw new InvalidOperationException($"No column \"{key.Column}\" in \"{key.Table}\".");
        return self.Column(entity.ClrType, property.Name);
    }, this);

    /// <summary>The name and placeholder of the parameter at <paramref name="index"/> (<c>p0</c>, <c>@p0</c>), made once per process.</summary>
    public StoreParameter Parameter(int index)
    {
        var parameters = Volatile.Read(ref _parameters);
        if (index < parameters.Length)
        {
            return parameters[index];
        }

        lock (_parametersGate)
        {
            if (index >= _parameters.Length)
            {
                var grown = new StoreParameter[Math.Max(index + 1, _parameters.Length * 2)];
                _parameters.CopyTo(grown, 0);
                for (var i = _parameters.Length; i < grown.Length; i++)
                {
                    var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    grown[i] = new StoreParameter(Sql.GenerateParameterName(name), Sql.GenerateParameterNamePlaceholder(name));
                }

                Volatile.Write(ref _parameters, grown);
            }

            return _parameters[index];
        }
    }

    private IEntityType Entity(Type type) =>
        _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
}

/// <summary>A parameter's name as the provider binds it, and its placeholder in SQL text.</summary>
internal sealed record StoreParameter(string Name, string Placeholder);

/// <summary>A column: its delimited name, and the mapping that turns a CLR value into the stored one.</summary>
internal sealed record StoreColumn(string Name, RelationalTypeMapping Mapping, bool IsNullable);

using System.Reflection;
using KitchenWorkflows.Persistence;
using KitchenWorkflows.Persistence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KitchenWorkflows.Server.IntegrationTests.Store;

/// <summary>
/// The store's SQL is text written with the EF model's names (<see cref="StoreSql"/>): every quoted name of every
/// statement must be a table of the model of each provider, or a column of a table the statement names (a part of a
/// statement, one that does not begin with a verb, may also name a column of a table its class names). No database
/// is needed: the models are built offline.
/// </summary>
public sealed class StoreSqlTests
{
    private static readonly string[] StatementVerbs = ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "WITH "];

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryNameInTheStoresSql_IsATableOrAColumnOfItsTables_InTheModel(string provider)
    {
        using var db = Context(provider);
        var statements = Statements();
        Assert.True(statements.Count >= 20, $"Only {statements.Count} statements found: the reflection no longer finds the store's SQL.");

        var wrong = statements.SelectMany(s => WrongNames(db.Model, s.Sql, s.ClassTables(db.Model)).Select(name => $"{name} in {s.Name}")).ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AStatementNamingAColumnItsTableLacks_IsReported(string provider)
    {
        using var db = Context(provider);
        var sql = new StoreSql("""UPDATE "WorkflowInstances" SET "LeaseOwner" = @node WHERE "BookmarkId" = @id""");

        Assert.Equal(["\"BookmarkId\""], WrongNames(db.Model, sql, []));
        Assert.Equal(["\"Instances\""], WrongNames(db.Model, new StoreSql("""SELECT 1 FROM "Instances" """), []));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryColumnOfARowInsert_HasItsTypeMapping(string provider)
    {
        using var db = Context(provider);
        var model = new StoreModel(db);
        foreach (var (name, rows) in RowInserts())
        {
            var table = (string)rows.GetType().GetProperty(nameof(StoreRows<int>.Table))!.GetValue(rows)!;
            foreach (var column in (IReadOnlyList<string>)rows.GetType().GetProperty(nameof(StoreRows<int>.Columns))!.GetValue(rows)!)
            {
                Assert.True(model.Column(table, column).Mapping is not null, $"{name}: {table}.{column}");
            }
        }
    }

    private static WorkflowDbContext Context(string provider) => provider == "Sqlite"
        ? new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgreSqlWorkflowDbContext(new DbContextOptionsBuilder<PostgreSqlWorkflowDbContext>().UseNpgsql("Host=unused").Options);

    // The quoted names that are neither a table nor a column of the statement's tables (or its class's, for a part).
    private static List<string> WrongNames(IModel model, StoreSql sql, IReadOnlyCollection<IEntityType> classTables)
    {
        var tables = sql.Identifiers.Select(name => Table(model, name)).OfType<IEntityType>().ToList();
        var scope = StatementVerbs.Any(verb => sql.Text.TrimStart().StartsWith(verb, StringComparison.Ordinal)) ? tables : [.. tables, .. classTables];
        return [.. sql.Identifiers
            .Where(name => Table(model, name) is null && !scope.Any(t => t.GetProperties().Any(p => p.GetColumnName() == name)))
            .Select(name => $"\"{name}\"")];
    }

    private static IEntityType? Table(IModel model, string name) => model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == name);

    private static List<Statement> Statements()
    {
        var found = new List<Statement>();
        foreach (var type in StoreTypes())
        {
            var ofClass = new List<StoreSql>();
            foreach (var field in StaticFields(type))
            {
                var value = field.GetValue(null);
                if (value is StoreSql sql)
                {
                    ofClass.Add(sql);
                }
                else if (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(StoreRows<>))
                {
                    ofClass.Add((StoreSql)value.GetType().GetProperty(nameof(StoreRows<int>.Head))!.GetValue(value)!);
                    ofClass.Add((StoreSql)value.GetType().GetProperty(nameof(StoreRows<int>.Tail))!.GetValue(value)!);
                }
            }

            found.AddRange(ofClass.Select(sql => new Statement($"{type.Name}: {sql.Text.Trim()}", sql, ofClass)));
        }

        return found;
    }

    private static IEnumerable<(string, object)> RowInserts() =>
        StoreTypes().SelectMany(type => StaticFields(type).Select(f => ($"{type.Name}.{f.Name}", f.GetValue(null)!)))
            .Where(f => f.Item2 is not null && f.Item2.GetType().IsGenericType && f.Item2.GetType().GetGenericTypeDefinition() == typeof(StoreRows<>));

    private static IEnumerable<Type> StoreTypes() =>
        typeof(StoreSql).Assembly.GetTypes().Where(t => t.Namespace == typeof(StoreSql).Namespace);

    private static IEnumerable<FieldInfo> StaticFields(Type type) =>
        type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Where(f => !f.FieldType.IsGenericParameter && !type.ContainsGenericParameters);

    private sealed record Statement(string Name, StoreSql Sql, IReadOnlyList<StoreSql> OfClass)
    {
        public IReadOnlyCollection<IEntityType> ClassTables(IModel model) =>
            [.. OfClass.SelectMany(s => s.Identifiers).Select(name => Table(model, name)).OfType<IEntityType>().Distinct()];
    }
}

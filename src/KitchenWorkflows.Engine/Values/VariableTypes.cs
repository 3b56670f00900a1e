namespace KitchenWorkflows.Engine.Values;

/// <summary>The type aliases a variable may declare (Elsa's names), and the CLR types behind them.</summary>
public static class VariableTypes
{
    private static readonly Dictionary<string, Type> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Object"] = typeof(object),
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["JsonObject"] = typeof(Dictionary<string, object?>),
        ["ExpandoObject"] = typeof(Dictionary<string, object?>),
    };

    /// <summary>Every alias, for the Studio's type picker.</summary>
    public static IReadOnlyCollection<string> Names => Aliases.Keys;

    /// <summary>Finds the CLR type of an alias, also accepting <c>System.X</c> spellings.</summary>
    public static bool TryResolve(string typeName, out Type type)
    {
        var alias = typeName.StartsWith("System.", StringComparison.Ordinal) ? typeName["System.".Length..] : typeName;
        if (Aliases.TryGetValue(alias, out var found))
        {
            type = found;
            return true;
        }

        type = typeof(object);
        return false;
    }

    /// <summary>Converts a value to a variable's declared type; arrays become lists of the element type.</summary>
    public static object? Coerce(object? value, string typeName, bool isArray)
    {
        TryResolve(typeName, out var type);
        if (value is null || type == typeof(object) && !isArray)
        {
            return PlainValues.Normalize(value);
        }

        if (isArray)
        {
            var items = ValueConverter.ConvertTo<List<object?>>(value) ?? [];
            return items.Select(i => ValueConverter.ConvertTo(i, type)).ToList();
        }

        return ValueConverter.ConvertTo(value, type);
    }
}

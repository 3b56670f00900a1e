using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Values;

/// <summary>Converts workflow values to the CLR type an activity input or a variable declares.</summary>
public static class ValueConverter
{
    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
    /// <exception cref="FormatException">The value cannot be read as <typeparamref name="T"/>.</exception>
    public static T? ConvertTo<T>(object? value) => (T?)ConvertTo(value, typeof(T));

    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The value cannot be read as <paramref name="type"/>.</exception>
    public static object? ConvertTo(object? value, Type type)
    {
        value = PlainValues.Normalize(value);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        if (target == typeof(object) || target.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return ConvertNonNull(value, target);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException or JsonException or ArgumentException)
        {
            throw new ValueConversionException($"The value '{Describe(value)}' cannot be read as {target.Name}.", value, target, ex);
        }
    }

    private static object? ConvertNonNull(object value, Type target)
    {
        if (target == typeof(string))
        {
            return value switch
            {
                IDictionary or IList => PlainValues.ToJson(value)!.ToJsonString(),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        if (target == typeof(bool) && value is string flag)
        {
            return bool.Parse(flag.Trim());
        }

        if (target == typeof(TimeSpan))
        {
            return value switch
            {
                string s => TimeSpan.Parse(s, CultureInfo.InvariantCulture),
                _ => TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            };
        }

        if (target == typeof(DateTimeOffset))
        {
            return value is DateTime dt ? new DateTimeOffset(dt) : DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateTime))
        {
            return value is DateTimeOffset dto ? dto.UtcDateTime : DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        if (target == typeof(DateOnly))
        {
            return value is DateTime d ? DateOnly.FromDateTime(d) : DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        if (target.IsEnum)
        {
            return value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, value);
        }

        if (value is string text && (IsCollection(target) || target == typeof(Dictionary<string, object?>)))
        {
            // Elsa writes list and object literals as JSON text inside a string.
            return ConvertTo(PlainValues.FromJson(JsonNode.Parse(text)), target);
        }

        if (IsCollection(target) && value is IEnumerable items and not string)
        {
            var elementType = target.IsArray ? target.GetElementType()! : target.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in items)
            {
                list.Add(ConvertTo(item, elementType));
            }

            if (!target.IsArray)
            {
                return list;
            }

            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Deserialize(PlainValues.ToJson(value)!.ToJsonString(), target);
    }

    private static bool IsCollection(Type type) =>
        type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IReadOnlyList<>) || g == typeof(IList<>) || g == typeof(IEnumerable<>) || g == typeof(ICollection<>) || g == typeof(IReadOnlyCollection<>)));

    private static string Describe(object value)
    {
        var text = value is string s ? s : PlainValues.ToJson(value)?.ToJsonString() ?? "";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}

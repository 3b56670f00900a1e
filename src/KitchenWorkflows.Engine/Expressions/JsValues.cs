using System.Collections;
using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using JsEngine = Jint.Engine;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>Moves plain workflow values into and out of Jint as ordinary JavaScript values.</summary>
internal static class JsValues
{
    public static JsValue ToJs(JsEngine engine, object? value) => value switch
    {
        null => JsValue.Null,
        JsValue js => js,
        string s => new JsString(s),
        bool b => b ? JsBoolean.True : JsBoolean.False,
        int i => JsNumber.Create(i),
        long l => JsNumber.Create(l),
        double d => JsNumber.Create(d),
        float f => JsNumber.Create(f),
        decimal m => JsNumber.Create((double)m),
        // Dates cross as ISO 8601 text, which JavaScript's Date parses and compares as text in order.
        DateTimeOffset dto => new JsString(dto.ToString("O", CultureInfo.InvariantCulture)),
        DateTime dt => new JsString(dt.ToString("O", CultureInfo.InvariantCulture)),
        IDictionary<string, object?> dict => ToJsObject(engine, dict),
        IList list => new JsArray(engine, [.. list.Cast<object?>().Select(item => ToJs(engine, item))]),
        // Anything else (a typed dictionary, a POCO, a Guid) crosses in its JSON form: wrapping the CLR object
        // would hand scripts its methods (Clear, GetHashCode ...), which the sandbox promises they never see.
        _ => ToJs(engine, Values.PlainValues.FromJson(Values.PlainValues.ToJson(value))),
    };

    /// <summary>How deep a value a script may hand back: as deep as the API reads JSON, and far from the stack's end.</summary>
    public const int MaxDepth = 64;

    /// <exception cref="Jint.Runtime.JavaScriptException">The value nests deeper than <see cref="MaxDepth"/> (a cycle does too).</exception>
    public static object? FromJs(JsValue value) => FromJs(value, depth: 0);

    private static object? FromJs(JsValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            // A cyclic or hostilely deep value would otherwise recurse here until the process dies of a stack overflow.
            throw new Jint.Runtime.JavaScriptException($"The value nests deeper than {MaxDepth} levels (or refers to itself).");
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            // Boxed per branch: a bare conditional would widen the long back to double, so whole numbers would never come back as long.
            return double.IsInteger(number) && Math.Abs(number) < 9_007_199_254_740_992d ? (object)(long)number : number;
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsDate())
        {
            return new DateTimeOffset(value.AsDate().ToDateTime(), TimeSpan.Zero);
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var items = new List<object?>((int)array.Length);
            for (uint i = 0; i < array.Length; i++)
            {
                items.Add(FromJs(array.Get(i), depth + 1));
            }

            return items;
        }

        if (value is ObjectInstance obj && obj is not Function)
        {
            var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in obj.GetOwnProperties())
            {
                // Only data properties: a getter would run script code after the evaluation's limits stopped counting.
                if (property.Value.Enumerable && property.Key.IsString() && !property.Value.IsAccessorDescriptor())
                {
                    dict[property.Key.AsString()] = FromJs(property.Value.Value, depth + 1);
                }
            }

            return dict;
        }

        return null;
    }

    private static JsObject ToJsObject(JsEngine engine, IDictionary<string, object?> dict)
    {
        var obj = new JsObject(engine);
        foreach (var (key, item) in dict)
        {
            obj.FastSetDataProperty(key, ToJs(engine, item));
        }

        return obj;
    }
}

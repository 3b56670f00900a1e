using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.LogPersistence;

/// <summary>
/// What one level (the workflow or an activity) says about log persistence, read from its <c>customProperties</c> in
/// both shapes Elsa 3 writes: the older <c>logPersistenceMode: { default, inputs: { name: mode }, outputs }</c> with
/// modes as names or numbers, and the newer <c>logPersistenceConfig</c>, whose entries are
/// <c>{ evaluationMode: "Strategy", strategyType: "Elsa.Workflows.LogPersistence.Strategies.Exclude, …" }</c> or
/// <c>{ evaluationMode: "Expression", expression: { type, value } }</c>. A newer entry wins over an older one.
/// </summary>
internal sealed class LogPersistenceSettings
{
    private const string LegacyKey = "logPersistenceMode";
    private const string ConfigKey = "logPersistenceConfig";

    private LogPersistenceSettings(JsonObject? legacy, JsonObject? config)
    {
        Default = Entry(config?["default"], legacy?["default"]);
        Inputs = Section(legacy?["inputs"], config?["inputs"]);
        Outputs = Section(legacy?["outputs"], config?["outputs"]);
    }

    /// <summary>The level's own default; null when it says nothing.</summary>
    public LogPersistenceEntry? Default { get; }

    /// <summary>The entries of named inputs (by their JSON name).</summary>
    public IReadOnlyDictionary<string, LogPersistenceEntry> Inputs { get; }

    /// <summary>The entries of named outputs.</summary>
    public IReadOnlyDictionary<string, LogPersistenceEntry> Outputs { get; }

    /// <summary>Whether any entry is an expression, which must be evaluated on each execution.</summary>
    public bool HasExpressions => Default?.Expression is not null || Inputs.Values.Any(e => e.Expression is not null) || Outputs.Values.Any(e => e.Expression is not null);

    /// <summary>Reads the settings from a <c>customProperties</c> object.</summary>
    public static LogPersistenceSettings Read(JsonNode? customProperties) =>
        new(customProperties?[LegacyKey] as JsonObject, customProperties?[ConfigKey] as JsonObject);

    /// <summary>The problems of a level's settings, as (path below <c>customProperties</c>, message).</summary>
    public static IEnumerable<(string Path, string Message)> Problems(JsonNode? customProperties)
    {
        if (customProperties?[LegacyKey] is { } legacy)
        {
            if (legacy is not JsonObject legacyObject)
            {
                yield return (LegacyKey, "Expected an object with 'default', 'inputs' and 'outputs'.");
                yield break;
            }

            if (legacyObject["default"] is { } mode && !LogPersistenceEntry.TryReadMode(mode, out _))
            {
                yield return ($"{LegacyKey}.default", UnknownMode(mode));
            }

            foreach (var section in (string[])["inputs", "outputs"])
            {
                if (legacyObject[section] is JsonObject entries)
                {
                    foreach (var (name, value) in entries)
                    {
                        if (value is not null && !LogPersistenceEntry.TryReadMode(value, out _))
                        {
                            yield return ($"{LegacyKey}.{section}.{name}", UnknownMode(value));
                        }
                    }
                }
            }
        }
    }

    private static string UnknownMode(JsonNode value) =>
        $"Unknown log persistence mode '{value.ToJsonString()}'. Known modes: {string.Join(", ", Enum.GetNames<LogPersistenceMode>())}.";

    private static Dictionary<string, LogPersistenceEntry> Section(JsonNode? legacy, JsonNode? config)
    {
        var entries = new Dictionary<string, LogPersistenceEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in (JsonNode?[])[legacy, config])
        {
            if (source is not JsonObject section)
            {
                continue;
            }

            foreach (var (name, value) in section)
            {
                if (LogPersistenceEntry.From(value) is { } entry)
                {
                    entries[name] = entry;
                }
            }
        }

        return entries;
    }

    private static LogPersistenceEntry? Entry(JsonNode? config, JsonNode? legacy) => LogPersistenceEntry.From(config) ?? LogPersistenceEntry.From(legacy);
}

/// <summary>One setting: a fixed mode, or an expression that yields one on each execution.</summary>
/// <param name="Mode">The fixed mode (Inherit when <paramref name="Expression"/> decides).</param>
/// <param name="Expression">An expression yielding a mode's name or number, if the setting is one.</param>
internal sealed record LogPersistenceEntry(LogPersistenceMode Mode, WorkflowExpression? Expression = null)
{
    /// <summary>Reads a mode (<c>"Exclude"</c>, <c>2</c>) or a newer configuration object; null when it is neither.</summary>
    public static LogPersistenceEntry? From(JsonNode? node)
    {
        if (node is JsonObject config)
        {
            var byExpression = config["evaluationMode"] is JsonValue evaluation && TryReadText(evaluation, out var text)
                ? text.Equals("Expression", StringComparison.OrdinalIgnoreCase) || text == "1"
                : false;
            if (byExpression)
            {
                return config["expression"] is JsonObject expression && expression["type"] is JsonValue type && TryReadText(type, out var syntax)
                    ? new LogPersistenceEntry(LogPersistenceMode.Inherit, new WorkflowExpression(syntax, expression["value"]?.DeepClone()))
                    : null;
            }

            // Elsa names a strategy by its type (Elsa.Workflows.LogPersistence.Strategies.Exclude, Elsa.Workflows.Core);
            // its class name is the mode. "Configuration" (the server's setting) and anything unknown inherit.
            var strategy = config["strategyType"] is JsonValue strategyType && TryReadText(strategyType, out var typeName)
                ? typeName.Split(',')[0].Split('.')[^1]
                : nameof(LogPersistenceMode.Inherit);
            return new LogPersistenceEntry(Enum.TryParse<LogPersistenceMode>(strategy, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : LogPersistenceMode.Inherit);
        }

        return node is not null && TryReadMode(node, out var fixedMode) ? new LogPersistenceEntry(fixedMode) : null;
    }

    /// <summary>Reads a mode written as its name or its number.</summary>
    public static bool TryReadMode(JsonNode node, out LogPersistenceMode mode)
    {
        mode = LogPersistenceMode.Inherit;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue(out int number))
        {
            mode = (LogPersistenceMode)number;
            return Enum.IsDefined(mode);
        }

        return TryReadText(value, out var text) && TryParseMode(text, out mode);
    }

    /// <summary>Reads a mode from an expression's value: a name, a number, or a mode.</summary>
    public static bool TryParseMode(object? value, out LogPersistenceMode mode)
    {
        mode = LogPersistenceMode.Inherit;
        var text = value switch
        {
            LogPersistenceMode m => m.ToString(),
            string s => s.Trim(),
            long or int => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        // Enum.TryParse also takes flag lists ("Include,Exclude"), which name no mode.
        return text is not null && !text.Contains(',', StringComparison.Ordinal) && Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode);
    }

    private static bool TryReadText(JsonValue value, out string text)
    {
        if (value.TryGetValue(out string? s))
        {
            text = s;
            return true;
        }

        if (value.TryGetValue(out int n))
        {
            text = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        text = "";
        return false;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Persistence.Retention;

/// <summary>
/// A definition's own retention period, <c>options.retentionPeriod</c>: how long its ended instances are kept, as a
/// .NET time span (<c>"30.00:00:00"</c> for 30 days), in place of the server's <see cref="RetentionOptions.KeepEndedInstancesFor"/>.
/// </summary>
public static class RetentionPeriod
{
    /// <summary>The JSON path of the option.</summary>
    public const string Path = "$.options.retentionPeriod";

    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    /// <summary>The definition's period; null when it sets none or an unreadable one (refused at save, so only older rows).</summary>
    public static TimeSpan? Read(JsonNode? options) =>
        Parse(options?["retentionPeriod"], out var period) is null ? period : null;

    /// <summary>The problem with the definition's period, if it sets one that cannot be used.</summary>
    public static IEnumerable<ValidationError> Problems(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problem = Parse(definition.Extensions["options"]?["retentionPeriod"], out _);
        return problem is null ? [] : [new ValidationError(Path, problem)];
    }

    private static string? Parse(JsonNode? node, out TimeSpan? period)
    {
        period = null;
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue(out string? text)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed >= Shortest)
        {
            period = parsed;
            return null;
        }

        return "The retention period is a time span of at least one second, days first: \"30.00:00:00\" keeps ended instances for 30 days.";
    }
}

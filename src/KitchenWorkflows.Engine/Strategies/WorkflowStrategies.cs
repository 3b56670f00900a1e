using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Strategies;

/// <summary>
/// A workflow's activation and incident strategies, read from its <c>options</c> as Elsa 3 writes them: the strategy's
/// type name (<c>"Elsa.Workflows.Runtime.ActivationValidators.SingletonStrategy, Elsa.Workflows.Runtime"</c>), of which
/// the class name counts, with or without its <c>Strategy</c> suffix (<c>Singleton</c> reads too). None or empty is
/// Elsa's default: always start, fault on an incident.
/// </summary>
/// <param name="Activation">When a new instance may start.</param>
/// <param name="Incident">What an activity's fault does.</param>
public sealed record WorkflowStrategies(ActivationStrategy Activation, IncidentStrategy Incident)
{
    private const string ActivationKey = "activationStrategyType";
    private const string IncidentKey = "incidentStrategyType";
    private static readonly ConditionalWeakTable<WorkflowDefinition, WorkflowStrategies> Cache = new();

    /// <summary>The strategies of a definition (read once per definition object); an unreadable name counts as the default, which validation refuses.</summary>
    public static WorkflowStrategies Of(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Cache.GetValue(definition, d =>
        {
            var options = d.Extensions["options"] as JsonObject;
            return new(
                Read<ActivationStrategy>(options?[ActivationKey], aliases: ("AllowAlways", ActivationStrategy.Always)).Value ?? ActivationStrategy.Always,
                Read<IncidentStrategy>(options?[IncidentKey]).Value ?? IncidentStrategy.Fault);
        });
    }

    /// <summary>The problems of a definition's strategy names, with their paths.</summary>
    public static IEnumerable<ValidationError> Problems(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = definition.Extensions["options"] as JsonObject;
        if (Read<ActivationStrategy>(options?[ActivationKey], aliases: ("AllowAlways", ActivationStrategy.Always)).Problem is { } activation)
        {
            yield return new ValidationError($"$.options.{ActivationKey}", activation);
        }

        if (Read<IncidentStrategy>(options?[IncidentKey]).Problem is { } incident)
        {
            yield return new ValidationError($"$.options.{IncidentKey}", incident);
        }
    }

    private static (T? Value, string? Problem) Read<T>(JsonNode? node, params (string Name, T Value)[] aliases)
        where T : struct, Enum
    {
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonValue value || !value.TryGetValue(out string? typeName))
        {
            return (null, "Expected the strategy's type name as a string.");
        }

        if (string.IsNullOrWhiteSpace(typeName))
        {
            return (null, null);
        }

        // "Namespace.ClassNameStrategy, Assembly" → "ClassName".
        var name = typeName.Split(',')[0].Trim().Split('.')[^1];
        name = name.EndsWith("Strategy", StringComparison.Ordinal) && name.Length > "Strategy".Length ? name[..^"Strategy".Length] : name;
        foreach (var (alias, aliased) in aliases)
        {
            if (name.Equals(alias, StringComparison.OrdinalIgnoreCase))
            {
                return (aliased, null);
            }
        }

        return Enum.GetNames<T>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? (Enum.Parse<T>(known), null)
            : (null, $"Unknown strategy '{typeName}'. Known strategies: {string.Join(", ", Enum.GetNames<T>())}.");
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Alterations;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Reads an alteration request's <c>alterations</c> (Elsa's shape: objects with a <c>type</c> and the type's properties),
/// noting each problem under its JSON path.
/// </summary>
internal static class AlterationRequestReading
{
    /// <summary>The most alterations one plan applies.</summary>
    public const int MaxAlterations = 20;

    private static readonly string[] Types =
        [MigrateAlteration.TypeName, ModifyVariableAlteration.TypeName, ScheduleActivityAlteration.TypeName, CancelActivityAlteration.TypeName];

    public static List<Alteration>? Alterations(JsonNode? node, Dictionary<string, string[]> errors)
    {
        if (node is not JsonArray { Count: > 0 and <= MaxAlterations } items)
        {
            errors["alterations"] = [$"Give a list of 1 to {MaxAlterations} alterations, each with a type: {string.Join(", ", Types)}."];
            return null;
        }

        var alterations = new List<Alteration>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"alterations[{i}]";
            if (items[i] is not JsonObject item)
            {
                errors[path] = ["Give an object with a type."];
                continue;
            }

            if (Read(item, path, errors) is { } alteration)
            {
                alterations.Add(alteration);
            }
        }

        return errors.Count > 0 ? null : alterations;
    }

    private static Alteration? Read(JsonObject item, string path, Dictionary<string, string[]> errors)
    {
        var type = Types.FirstOrDefault(t => string.Equals(t, Text(item, "type"), StringComparison.OrdinalIgnoreCase));
        switch (type)
        {
            case MigrateAlteration.TypeName:
                if (item["targetVersion"] is JsonValue version && version.GetValueKind() == JsonValueKind.Number && version.TryGetValue<int>(out var target) && target >= 1)
                {
                    return new MigrateAlteration(target);
                }

                errors[path + ".targetVersion"] = ["Give the version to migrate to, a whole number from 1."];
                return null;
            case ModifyVariableAlteration.TypeName:
                return Required(item, "variableId", path, "Give the variable's id or name.", errors) is { } variable
                    ? new ModifyVariableAlteration(variable, item["value"]?.DeepClone())
                    : null;
            case ScheduleActivityAlteration.TypeName or CancelActivityAlteration.TypeName:
                if (item.ContainsKey("activityInstanceId"))
                {
                    // Elsa's activity execution contexts have ids; here the root flowchart's activities are addressed by their own ids.
                    errors[path + ".activityInstanceId"] = ["Not supported: give activityId, an activity of the root flowchart."];
                    return null;
                }

                return Required(item, "activityId", path, "Give the id of an activity of the root flowchart.", errors) is { } activity
                    ? type == ScheduleActivityAlteration.TypeName ? new ScheduleActivityAlteration(activity) : new CancelActivityAlteration(activity)
                    : null;
            default:
                errors[path + ".type"] = [$"Use one of {string.Join(", ", Types)}."];
                return null;
        }
    }

    private static string? Required(JsonObject item, string name, string path, string message, Dictionary<string, string[]> errors)
    {
        if (Text(item, name) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        errors[$"{path}.{name}"] = [message];
        return null;
    }

    private static string? Text(JsonObject item, string name) =>
        item[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Diagrams;

/// <summary>The outcome ports a node shows: the type's static outcomes, a switch's case labels, and every port a connection already uses.</summary>
public static class ActivityOutcomes
{
    public static IReadOnlyList<string> For(ActivityNode activity, ActivityTypeInfo? type, IEnumerable<Connection> connections)
    {
        var outcomes = new List<string>();
        // Case labels come first so that a switch reads top to bottom in case order, Default last.
        if (activity.Extensions["cases"] is JsonArray cases)
        {
            outcomes.AddRange(cases.OfType<JsonObject>().Select(c => c["label"]?.ToString()).OfType<string>().Where(l => l.Length > 0));
        }

        outcomes.AddRange(type?.Outcomes ?? []);
        outcomes.AddRange(connections.Where(c => c.Source == activity.Id).Select(c => c.SourcePort));
        if (outcomes.Count == 0 && type is null)
        {
            outcomes.Add("Done");
        }

        return [.. outcomes.Distinct(StringComparer.Ordinal)];
    }
}

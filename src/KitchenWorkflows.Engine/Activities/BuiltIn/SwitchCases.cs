using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>The <c>cases</c> of Elsa.FlowSwitch and Elsa.Switch: <c>{ label, condition }</c>, a Switch's with an <c>activity</c> too.</summary>
internal static class SwitchCases
{
    /// <summary>Reads the cases of a node, in order; array entries that are no objects are skipped.</summary>
    public static List<SwitchCase> Read(ActivityNode node)
    {
        if (node.Extensions[NestedActivities.CasesSlot] is not JsonArray array)
        {
            return [];
        }

        return [.. array.Select((entry, index) => (Case: entry as JsonObject, Index: index)).Where(e => e.Case is not null).Select(e => (c: e.Case!, e.Index)).Select(e => new SwitchCase(
            e.Index,
            e.c["label"] is JsonValue label && label.TryGetValue(out string? text) ? text : "",
            e.c["condition"] is JsonObject condition && condition["type"] is JsonValue type && type.TryGetValue(out string? syntax)
                ? new WorkflowExpression(syntax, condition["value"]?.DeepClone())
                : null))];
    }

    /// <summary>Problems of the cases: not an array, a case without a (compiling) condition or, where labels name ports, without a label.</summary>
    public static IEnumerable<(string Property, string Message)> Validate(ActivityNode node, IReadOnlyList<SwitchCase> cases, ActivityValidationContext context, bool labelsNamePorts)
    {
        if (node.Extensions[NestedActivities.CasesSlot] is not (null or JsonArray))
        {
            yield return (NestedActivities.CasesSlot, "Cases must be an array of { label, condition }.");
            yield break;
        }

        for (var i = 0; i < cases.Count; i++)
        {
            if (labelsNamePorts && string.IsNullOrWhiteSpace(cases[i].Label))
            {
                yield return ($"cases[{i}].label", "A case needs a label; it names the outcome port.");
            }

            if (cases[i].Condition is not { } condition)
            {
                yield return ($"cases[{i}].condition", "A case needs a condition.");
            }
            else if (context.CheckExpression(condition) is { } problem)
            {
                yield return ($"cases[{i}].condition.value", problem);
            }
        }
    }
}

/// <summary>One case of a switch.</summary>
/// <param name="Index">The position in the <c>cases</c> array.</param>
/// <param name="Label">The label (a FlowSwitch's outcome port).</param>
/// <param name="Condition">The condition; null when the case has none.</param>
internal sealed record SwitchCase(int Index, string Label, WorkflowExpression? Condition);

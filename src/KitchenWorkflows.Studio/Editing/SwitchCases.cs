using System.Text.Json.Nodes;
using Blazor.Diagrams;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Diagrams;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// The cases of a switch (Elsa.FlowSwitch, Elsa.Switch), as Elsa writes them (<c>cases: [{ label, condition }]</c>),
/// changed the way the cases editor asks: a renamed case keeps its outcome port and so its connection; a deleted
/// case takes its connections with it. Whatever else a case carries (Elsa.Switch's activity) is kept.
/// </summary>
public static class SwitchCases
{
    public const string Property = "cases";

    public static IReadOnlyList<JsonObject> Of(ActivityNode activity) =>
        activity.Extensions[Property] is JsonArray cases ? [.. cases.OfType<JsonObject>()] : [];

    public static string Label(JsonObject @case) => @case["label"]?.ToString() ?? "";

    public static string Condition(JsonObject @case) => @case["condition"] is JsonObject condition ? condition["value"]?.ToString() ?? "" : "";

    public static void Add(ActivityNodeModel node)
    {
        var labels = Of(node.Activity).Select(Label).ToHashSet(StringComparer.Ordinal);
        var number = labels.Count + 1;
        while (labels.Contains($"Case {number}"))
        {
            number++;
        }

        Cases(node).Add(new JsonObject
        {
            ["label"] = $"Case {number}",
            ["condition"] = new JsonObject { ["type"] = ExpressionTypes.JavaScript, ["value"] = "" },
        });
    }

    public static void Rename(ActivityNodeModel node, int index, string label)
    {
        var @case = Of(node.Activity)[index];
        var old = Label(@case);
        @case["label"] = label;
        // The port follows the case unless another outcome already has the name (the server then says so).
        if (node.FindOutcome(old) is { } port && node.FindOutcome(label) is null && Of(node.Activity).Count(c => Label(c) == old) == 0)
        {
            port.Name = label;
        }
    }

    public static void SetCondition(ActivityNodeModel node, int index, string script)
    {
        var @case = Of(node.Activity)[index];
        var type = @case["condition"] is JsonObject condition ? condition["type"]?.ToString() ?? ExpressionTypes.JavaScript : ExpressionTypes.JavaScript;
        @case["condition"] = new JsonObject { ["type"] = type, ["value"] = script };
    }

    /// <summary>Moves a case up (-1) or down (+1); a switch matching the first case tries them in this order.</summary>
    public static void Move(ActivityNodeModel node, int index, int offset)
    {
        var cases = Cases(node);
        var target = index + offset;
        if (target < 0 || target >= cases.Count)
        {
            return;
        }

        var moved = cases[index];
        cases.RemoveAt(index);
        cases.Insert(target, moved);
    }

    public static void Remove(ActivityNodeModel node, BlazorDiagram diagram, int index)
    {
        var label = Label(Of(node.Activity)[index]);
        Cases(node).RemoveAt(index);
        if (node.FindOutcome(label) is { } port && Of(node.Activity).All(c => Label(c) != label))
        {
            foreach (var link in port.Links.ToList())
            {
                diagram.Links.Remove(link);
            }
        }
    }

    private static JsonArray Cases(ActivityNodeModel node)
    {
        if (node.Activity.Extensions[Property] is not JsonArray cases)
        {
            cases = [];
            node.Activity.Extensions[Property] = cases;
        }

        return cases;
    }
}

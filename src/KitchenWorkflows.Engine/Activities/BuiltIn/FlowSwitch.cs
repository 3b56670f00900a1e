using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Continues through the case whose condition holds (the first, or every one with <c>MatchAny</c>),
/// else through <c>Default</c>. Cases are written the way Elsa writes them: a <c>cases</c> array of
/// <c>{ "label", "condition": { "type", "value" } }</c>.
/// </summary>
[Activity("Elsa.FlowSwitch", Category = "Branching", DisplayName = "Switch", Description = "Continue through the case whose condition holds, else Default.", Outcomes = [DefaultPort])]
public sealed class FlowSwitch : Activity
{
    /// <summary>The port taken when no case holds.</summary>
    public const string DefaultPort = "Default";

    private IReadOnlyList<SwitchCase>? _cases;

    /// <summary>Whether the first matching case wins, or all matching cases are taken.</summary>
    [Input(Description = "MatchFirst takes the first case that holds; MatchAny takes every one.", Options = ["MatchFirst", "MatchAny"], DefaultValue = "MatchFirst")]
    public Input<string> Mode { get; set; } = new();

    private IReadOnlyList<SwitchCase> Cases => _cases ??= ReadCases(Node);

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() => [.. Cases.Select(c => c.Label).Distinct(), DefaultPort];

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = string.Equals(context.Get(Mode), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var taken = new List<string>();
        foreach (var switchCase in Cases)
        {
            if (switchCase.Condition is not null && ValueConverter.ConvertTo<bool>(context.Evaluate(switchCase.Condition)))
            {
                taken.Add(switchCase.Label);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        if (taken.Count == 0)
        {
            taken.Add(DefaultPort);
        }

        context.SetResult(taken.Count == 1 ? taken[0] : taken);
        return ValueTask.FromResult(ActivityResult.Complete([.. taken]));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (Node.Extensions["cases"] is not (null or JsonArray))
        {
            yield return ("cases", "Cases must be an array of { label, condition }.");
            yield break;
        }

        for (var i = 0; i < Cases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Cases[i].Label))
            {
                yield return ($"cases[{i}].label", "A case needs a label; it names the outcome port.");
            }

            if (Cases[i].Condition is not { } condition)
            {
                yield return ($"cases[{i}].condition", "A case needs a condition.");
            }
            else if (context.CheckExpression(condition) is { } problem)
            {
                yield return ($"cases[{i}].condition.value", problem);
            }
        }
    }

    private static List<SwitchCase> ReadCases(ActivityNode node)
    {
        if (node.Extensions["cases"] is not JsonArray array)
        {
            return [];
        }

        return [.. array.OfType<JsonObject>().Select(c => new SwitchCase(
            c["label"] is JsonValue label && label.TryGetValue(out string? text) ? text : "",
            c["condition"] is JsonObject condition && condition["type"] is JsonValue type && type.TryGetValue(out string? syntax)
                ? new WorkflowExpression(syntax, condition["value"]?.DeepClone())
                : null))];
    }

    private sealed record SwitchCase(string Label, WorkflowExpression? Condition);
}

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

    private IReadOnlyList<SwitchCase> Cases => _cases ??= SwitchCases.Read(Node);

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
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context) =>
        SwitchCases.Validate(Node, Cases, context, labelsNamePorts: true);
}

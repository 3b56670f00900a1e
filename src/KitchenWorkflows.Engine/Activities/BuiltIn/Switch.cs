using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs the activity of the first case whose condition holds (or of every such case with <c>MatchAny</c>), else
/// its <c>default</c> activity, and completes when what it ran completed. Cases are Elsa's
/// <c>{ label, condition, activity }</c>.
/// </summary>
[Activity("Elsa.Switch", Category = "Branching", Description = "Run the activity of the case whose condition holds, else the default.")]
public sealed class Switch : CompositeActivity
{
    private IReadOnlyList<SwitchCase>? _cases;

    /// <summary>MatchFirst or MatchAny.</summary>
    [Input(Description = "MatchFirst runs the first case that holds; MatchAny runs every one.", Options = ["MatchFirst", "MatchAny"], DefaultValue = "MatchFirst")]
    public Input<string> Mode { get; set; } = new();

    private IReadOnlyList<SwitchCase> Cases => _cases ??= SwitchCases.Read(Node);

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var matchAny = string.Equals(context.Get(Mode), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var matched = new List<Activity>();
        var anyMatch = false;
        foreach (var switchCase in Cases)
        {
            if (switchCase.Condition is null || !ValueConverter.ConvertTo<bool>(context.Evaluate(switchCase.Condition)))
            {
                continue;
            }

            anyMatch = true;
            if (CaseActivity(switchCase.Index) is { } activity)
            {
                matched.Add(activity);
            }

            if (!matchAny)
            {
                break;
            }
        }

        if (!anyMatch && ChildIn("default") is { } fallback)
        {
            matched.Add(fallback);
        }

        return ValueTask.FromResult(Parallel.ScheduleAll(context, matched));
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) =>
        --context.Frame.Pending > 0 ? ActivityResult.Running : ActivityResult.Done;

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context) =>
        SwitchCases.Validate(Node, Cases, context, labelsNamePorts: false);

    private Activity? CaseActivity(int index) =>
        Children.FirstOrDefault(c => c.Nested.Slot == NestedActivities.CasesSlot && c.Nested.Index == index).Child;
}

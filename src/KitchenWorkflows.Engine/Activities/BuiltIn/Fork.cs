using System.Globalization;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Splits the flow into parallel branches: completes through every branch port (and <c>Done</c>) at once.
/// Pair it with <see cref="FlowJoin"/> to wait for all branches or the first one. Elsa's structured Fork, whose
/// <c>branches</c> are activities, runs them side by side instead and completes, by its <c>joinMode</c>, when all
/// of them completed (WaitAll) or the first one did (WaitAny, dropping the others).
/// </summary>
[Activity("Elsa.Fork", Category = "Branching", Description = "Run several branches in parallel.")]
public class Fork : CompositeActivity
{
    private static readonly List<string> DefaultBranches = ["Branch 1", "Branch 2"];
    private IReadOnlyList<string>? _branches;

    /// <summary>The branch port names.</summary>
    [Input(Description = "The names of the branches; each is an outcome port.", UIHint = InputUIHints.MultiText)]
    public Input<List<string>> Branches { get; set; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() => _branches ??= IsStructured ? [DonePort] : BranchNames();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(IsStructured
            ? Parallel.ScheduleAll(context, ChildrenIn(NestedActivities.BranchesSlot))
            : ActivityResult.Complete([.. GetOutcomes()]));

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) =>
        WaitsForAny || --context.Frame.Pending == 0 ? ActivityResult.Done : ActivityResult.Running;

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (IsStructured && JoinMode is not ("WaitAll" or "WaitAny"))
        {
            yield return ("joinMode", "The join mode must be WaitAll or WaitAny.");
        }
    }

    private bool IsStructured => Node.Nested.Exists(n => n.Slot == NestedActivities.BranchesSlot);

    private bool WaitsForAny => JoinMode == "WaitAny";

    // Elsa writes the join mode as a plain property: its name, or its number (0 WaitAll, 1 WaitAny).
    private string JoinMode => Node.Extensions["joinMode"] switch
    {
        null => "WaitAll",
        JsonValue value when value.TryGetValue(out string? name) => name,
        JsonValue value when value.TryGetValue(out int number) => number switch { 0 => "WaitAll", 1 => "WaitAny", _ => number.ToString(CultureInfo.InvariantCulture) },
        var other => other.ToJsonString(),
    };

    private List<string> BranchNames()
    {
        var branches = Branches.Expression is { } expression ? ValueConverter.ConvertTo<List<string>>(PlainValues.FromJson(expression.Value)) : null;
        return [.. (branches is { Count: > 0 } ? branches : DefaultBranches).Append(DonePort).Distinct()];
    }
}

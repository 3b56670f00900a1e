using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Splits the flow into parallel branches: completes through every branch port (and <c>Done</c>) at once.
/// Pair it with <see cref="FlowJoin"/> to wait for all branches or the first one.
/// </summary>
[Activity("Elsa.Fork", Category = "Branching", Description = "Run several branches in parallel.")]
public class Fork : Activity
{
    private static readonly List<string> DefaultBranches = ["Branch 1", "Branch 2"];
    private IReadOnlyList<string>? _branches;

    /// <summary>The branch port names.</summary>
    [Input(Description = "The names of the branches; each is an outcome port.", UIHint = InputUIHints.MultiText)]
    public Input<List<string>> Branches { get; set; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() => _branches ??= BranchNames();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.Complete([.. GetOutcomes()]));

    private List<string> BranchNames()
    {
        var branches = Branches.Expression is { } expression ? ValueConverter.ConvertTo<List<string>>(PlainValues.FromJson(expression.Value)) : null;
        return [.. (branches is { Count: > 0 } ? branches : DefaultBranches).Append(DonePort).Distinct()];
    }
}

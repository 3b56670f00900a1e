using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Joins parallel branches: <c>WaitAll</c> runs once a token came through every forward inbound
/// connection; <c>WaitAny</c> runs on the first and cancels what still waits on the other branches.
/// </summary>
[Activity("Elsa.FlowJoin", Category = "Branching", DisplayName = "Join", Description = "Wait for all inbound branches, or the first one.")]
public sealed class FlowJoin : Activity
{
    /// <summary>WaitAll or WaitAny.</summary>
    [Input(Description = "WaitAll waits for every branch; WaitAny continues on the first and cancels the others.", Options = ["WaitAll", "WaitAny"], DefaultValue = "WaitAll")]
    public Input<string> Mode { get; set; } = new();

    /// <inheritdoc />
    public override MergeMode GetMergeMode() =>
        string.Equals(Mode.Expression?.Text, "WaitAny", StringComparison.OrdinalIgnoreCase) ? MergeMode.Race : MergeMode.Merge;

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) => ValueTask.FromResult(ActivityResult.Done);

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (Mode.Expression is { } expression && (!Definitions.ExpressionTypes.IsLiteral(expression) || expression.Text is not ("WaitAll" or "WaitAny")))
        {
            yield return ("mode.expression.value", "The join mode must be the literal WaitAll or WaitAny.");
        }
    }
}

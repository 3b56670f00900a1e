using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// Runs C# code with the workflow globals (<see cref="CSharpGlobals"/>); its value is the result. The code may choose
/// outcome ports with <c>Outcome.Set("A")</c> among <c>possibleOutcomes</c>; otherwise it completes through Done.
/// Empty code does nothing, as in Elsa.
/// </summary>
[Activity("Elsa.RunCSharp", Category = "Scripting", DisplayName = "Run C#", Description = "Run C# code; it may choose the outcome. Only where the server turns C# on.")]
public sealed class RunCSharp : Activity
{
    private IReadOnlyList<string>? _outcomes;

    /// <summary>The code.</summary>
    [Input(Description = "The C# to run.", UIHint = InputUIHints.Code)]
    public Input<string> Script { get; set; } = new();

    /// <summary>Outcome ports the code may choose.</summary>
    [Input(Description = "Outcome ports the code may choose with Outcome.Set().", UIHint = InputUIHints.MultiText)]
    public Input<List<string>> PossibleOutcomes { get; set; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() =>
        _outcomes ??= [.. (PossibleOutcomes.Expression is { } e ? ValueConverter.ConvertTo<List<string>>(PlainValues.FromJson(e.Value)) ?? [] : []).Prepend(DonePort).Distinct()];

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var code = Script.IsLiteral ? Script.Expression!.Text : context.Get(Script) ?? "";
        if (string.IsNullOrWhiteSpace(code))
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        var session = new ScriptSession(context);
        var result = context.GetRequiredService<CSharpScripts>().Run(code, session);
        if (result is not null)
        {
            context.SetResult(result);
        }

        var chosen = session.Outcomes is { Count: > 0 } outcomes ? outcomes : [DonePort];
        var unknown = chosen.FirstOrDefault(o => !GetOutcomes().Contains(o, StringComparer.Ordinal));
        return ValueTask.FromResult(unknown is not null
            ? ActivityResult.Fault($"The script chose the outcome '{unknown}', which is not among the possible outcomes.")
            : ActivityResult.Complete([.. chosen.Distinct()]));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // C# is refused wherever it is written: a literal script here, or a CSharp expression (checked by its evaluator).
        if (Script.Expression is { } literal && ExpressionTypes.IsLiteral(literal) && literal.Text.Trim().Length > 0 &&
            context.CheckExpression(new WorkflowExpression(CSharpEvaluator.SyntaxName, literal.Value)) is { } problem)
        {
            yield return ("script.expression.value", problem);
        }
    }
}

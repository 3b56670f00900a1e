using Jint;
using Jint.Native;
using Jint.Runtime.Interop;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs a script with the workflow globals; its value is the result. The script may pick outcome ports
/// with <c>setOutcome(name)</c> or <c>setOutcomes([...])</c> among <c>possibleOutcomes</c>; otherwise it completes through Done.
/// </summary>
[Activity("Elsa.RunJavaScript", Category = "Scripting", DisplayName = "Run JavaScript", Description = "Run a script; it may choose the outcome.")]
public sealed class RunJavaScript : Activity
{
    private IReadOnlyList<string>? _outcomes;

    /// <summary>The script.</summary>
    [Input(Description = "The JavaScript to run.", UIHint = InputUIHints.Code, Required = true)]
    public Input<string> Script { get; set; } = new();

    /// <summary>Outcome ports the script may choose.</summary>
    [Input(Description = "Outcome ports the script may choose with setOutcome().", UIHint = InputUIHints.MultiText)]
    public Input<List<string>> PossibleOutcomes { get; set; } = new();

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() =>
        _outcomes ??= [.. (PossibleOutcomes.Expression is { } e ? ValueConverter.ConvertTo<List<string>>(PlainValues.FromJson(e.Value)) ?? [] : []).Prepend(DonePort).Distinct()];

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var chosen = new List<string>();
        var evaluator = context.GetRequiredService<JavaScriptEvaluator>();
        var script = Script.IsLiteral ? Script.Expression!.Text : context.Get(Script) ?? "";
        var result = evaluator.Run(script, context, engine =>
        {
            engine.SetValue("setOutcome", new ClrFunction(engine, "setOutcome", (_, args) =>
            {
                chosen.Add(args.Length > 0 ? args[0].ToString() : DonePort);
                return JsValue.Undefined;
            }));
            engine.SetValue("setOutcomes", new ClrFunction(engine, "setOutcomes", (_, args) =>
            {
                if (args.Length > 0 && args[0].IsArray())
                {
                    chosen.AddRange(args[0].AsArray().Select(v => v.ToString()));
                }

                return JsValue.Undefined;
            }));
        });
        context.SetResult(result);
        var unknown = chosen.Find(o => !GetOutcomes().Contains(o, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"The script chose the outcome '{unknown}', which is not among the possible outcomes."));
        }

        return ValueTask.FromResult(ActivityResult.Complete(chosen.Count > 0 ? [.. chosen.Distinct()] : [DonePort]));
    }

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (Script.Expression is { } literal && ExpressionTypes.IsLiteral(literal) && literal.Text.Length > 0 &&
            context.CheckExpression(WorkflowExpression.JavaScript(literal.Text)) is { } problem)
        {
            yield return ("script.expression.value", problem);
        }
    }
}

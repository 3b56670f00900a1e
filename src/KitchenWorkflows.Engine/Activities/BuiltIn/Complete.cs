using System.Collections;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Completes the enclosing workflow through the given outcomes: a workflow used as an activity continues its
/// consumer through those ports; at the top, the instance finishes. What still runs or waits in it is dropped.
/// </summary>
[Activity("Elsa.Complete", Category = "Workflow", Description = "Complete the workflow with outcomes.", Outcomes = [])]
public sealed class Complete : Activity, ITerminalActivity
{
    /// <summary>The outcome or outcomes.</summary>
    [Input(Description = "The outcome, or a list of outcomes, to complete the workflow with.", UIHint = InputUIHints.MultiText)]
    public Input<object> Outcomes { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        ValueTask.FromResult(ActivityResult.CompleteWorkflow([.. Interpret(context.Get(Outcomes))]));

    // As Elsa: a string is one outcome (a JSON array in a string, several), a list is several, nothing is Done.
    private static IEnumerable<string> Interpret(object? value) => value switch
    {
        string text when text.TrimStart().StartsWith('[') => ValueConverter.ConvertTo<List<string>>(text) ?? [],
        string text => [text],
        IEnumerable items => items.Cast<object?>().Select(i => ValueConverter.ConvertTo<string>(i) ?? ""),
        null => [DonePort],
        _ => [ValueConverter.ConvertTo<string>(value) ?? DonePort],
    };
}

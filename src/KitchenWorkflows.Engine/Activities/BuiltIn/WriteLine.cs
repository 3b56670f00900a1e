using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>Writes a line of text to the instance journal; as in Elsa, the text may be left out (an empty line).</summary>
[Activity("Elsa.WriteLine", Description = "Write a line of text to the journal.")]
public sealed class WriteLine : Activity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write; none writes an empty line, as in Elsa.", UIHint = InputUIHints.MultiLine)]
    public Input<string> Text { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.WriteLine(context.Get(Text));
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

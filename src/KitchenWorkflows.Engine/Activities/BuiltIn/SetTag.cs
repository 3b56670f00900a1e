using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>
/// Sets a tag of the instance (a searchable name and value, such as <c>status</c> = <c>scheduled</c>); an empty value
/// removes it. The host stores tags with the instance, and the instance list filters by them. The inputs are
/// <c>tagName</c> and <c>tagValue</c> because <c>name</c> is already every activity's own name in Elsa's JSON.
/// </summary>
[Activity("KitchenWorkflows.SetTag", DisplayName = "Set Tag", Description = "Set a searchable tag of the instance; an empty value removes it.")]
public sealed class SetTag : Activity
{
    /// <summary>The tag name.</summary>
    [Input(Description = "The tag name, such as status; at most 100 characters, no ':'.", Required = true)]
    public Input<string> TagName { get; set; } = new();

    /// <summary>The tag value.</summary>
    [Input(Description = "The value, at most 400 characters; empty removes the tag.")]
    public Input<string> TagValue { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            InstanceTags.Set(context.Workflow.State, context.Get(TagName), context.Get(TagValue));
        }
        catch (ArgumentException ex)
        {
            // A bad name or value is a mistake in the definition: repeating cannot fix it.
            return ValueTask.FromResult(ActivityResult.Fault(ex.Message, retryable: false));
        }

        return ValueTask.FromResult(ActivityResult.Done);
    }
}

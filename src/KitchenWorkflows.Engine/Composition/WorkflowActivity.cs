using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Composition;

/// <summary>
/// A published workflow used as an activity (Elsa's <c>WorkflowDefinitionActivity</c>), compiled into its consumer:
/// the node's inputs are the used workflow's inputs, its variables live in this execution's frame, what its
/// <c>Elsa.SetOutput</c> sets is the node's output, and its <c>Elsa.Complete</c> outcomes are the node's ports.
/// </summary>
public sealed class WorkflowActivity : CompositeActivity
{
    /// <summary>The category of the descriptors of workflows used as activities.</summary>
    public const string Category = "Workflows";

    internal WorkflowActivity(ActivityNode node, WorkflowDefinition used)
    {
        Node = node;
        Used = used;
        Descriptor = Describe(node.Type, used);
    }

    /// <summary>The used definition version.</summary>
    public WorkflowDefinition Used { get; }

    /// <summary>The activity the used workflow runs: its root flowchart or its single root activity.</summary>
    internal Activity? Root => Children.Count > 0 ? Children[0].Child : null;

    /// <summary>A descriptor for a definition used as an activity of the given type name.</summary>
    public static ActivityDescriptor Describe(string typeName, WorkflowDefinition used)
    {
        ArgumentNullException.ThrowIfNull(used);
        return new ActivityDescriptor
        {
            TypeName = typeName,
            Version = used.Version,
            DisplayName = used.Name,
            Category = Category,
            Description = used.Description ?? "",
            Outcomes = [DonePort, .. Outcomes(used).Where(o => o != DonePort)],
            Inputs = [.. used.Inputs.Select(i => new InputDescriptor
            {
                Name = JsonNamingPolicy.CamelCase.ConvertName(i.Name),
                DisplayName = i.DisplayName ?? i.Name,
                TypeName = i.TypeName,
                Description = i.Description ?? "",
                UIHint = InputUIHints.SingleLine,
            })],
        };
    }

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in Used.Inputs)
        {
            var given = Node.Inputs.FirstOrDefault(i => string.Equals(i.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value;
            // Converted to the declared type, as Elsa does: a literal "4" for an Int32 input is the number 4.
            var isArray = parameter.Extensions["isArray"] is JsonValue flag && flag.TryGetValue(out bool array) && array;
            input[parameter.Name] = given?.Expression is { } expression ? VariableTypes.Coerce(context.Evaluate(expression), parameter.TypeName, isArray) : null;
        }

        // The parent is this frame's scope: the consumer's variables stay visible, the used workflow's own ones shadow them.
        var frame = context.Frame;
        frame.Input = input;
        frame.Output = [];
        frame.Variables = Used.Variables.ToDictionary(
            v => v.Name, v => VariableTypes.Coerce(PlainValues.FromJson(v.Value), v.TypeName, v.IsArray), StringComparer.Ordinal);
        if (Root is not { } root)
        {
            return ValueTask.FromResult(Completed(context, [DonePort]));
        }

        context.Schedule(root);
        return ValueTask.FromResult(ActivityResult.Running);
    }

    /// <inheritdoc />
    public override ActivityResult OnChildCompleted(ActivityExecutionContext context, ChildCompletion completion) => Completed(context, [DonePort]);

    /// <inheritdoc />
    public override IReadOnlyList<string> GetOutcomes() => Descriptor.Outcomes;

    /// <summary>Completes through the outcomes an <c>Elsa.Complete</c> inside gave; the outputs become the node's result.</summary>
    internal static ActivityResult Completed(ActivityExecutionContext context, IReadOnlyList<string> outcomes)
    {
        context.SetResult(context.Frame.Output);
        return ActivityResult.Complete([.. outcomes]);
    }

    // Elsa keeps a definition's outcomes in an "outcomes" array.
    private static IEnumerable<string> Outcomes(WorkflowDefinition used) =>
        used.Extensions["outcomes"] is JsonArray outcomes
            ? outcomes.OfType<JsonValue>().Select(o => o.TryGetValue(out string? name) ? name : null).OfType<string>()
            : [];
}

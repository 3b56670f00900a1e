using System.Text;
using KitchenWorkflows.Engine.Definitions;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Validation;

/// <summary>
/// Checks a definition against <see cref="DefinitionLimits"/> before anything parses its scripts, and reports
/// each excess with its JSON path, as <see cref="WorkflowValidator"/> does. The store applies it on save,
/// import and publish only: an instance of a version published under other limits keeps running.
/// </summary>
public sealed class DefinitionLimitsValidator(IOptions<DefinitionLimits> options)
{
    private readonly DefinitionLimits _limits = options.Value;

    /// <summary>The limits exceeded; an empty list means the definition is within every one.</summary>
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        var bytes = Encoding.UTF8.GetByteCount(WorkflowDefinitionSerializer.Serialize(definition));
        if (bytes > _limits.MaxDefinitionBytes)
        {
            errors.Add(new("$", $"The definition is {bytes} bytes; at most {_limits.MaxDefinitionBytes} are allowed (Limits:MaxDefinitionBytes)."));
        }

        // Nested activities (a loop's body, a nested flowchart's) count as well: nesting must not get around a limit.
        var nodes = NestedActivities.Walk(definition).ToList();
        if (nodes.Count > _limits.MaxActivities)
        {
            errors.Add(new("$.root.activities", $"The flowchart has {nodes.Count} activities; at most {_limits.MaxActivities} are allowed (Limits:MaxActivities)."));
        }

        var connections = definition.Root.Connections.Count + nodes.Sum(n => n.Node.Flowchart?.Connections.Count ?? 0);
        if (connections > _limits.MaxConnections)
        {
            errors.Add(new("$.root.connections", $"The flowchart has {connections} connections; at most {_limits.MaxConnections} are allowed (Limits:MaxConnections)."));
        }

        foreach (var (node, path) in nodes)
        {
            foreach (var (name, input) in node.Inputs)
            {
                if (input.Expression is { } expression && expression.Text.Length > _limits.MaxExpressionLength)
                {
                    errors.Add(new($"{path}.{name}.expression.value",
                        $"The expression is {expression.Text.Length} characters long; at most {_limits.MaxExpressionLength} are allowed (Limits:MaxExpressionLength)."));
                }
            }
        }

        return errors;
    }
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.LogPersistence;
using KitchenWorkflows.Engine.Strategies;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Validation;

/// <summary>
/// Checks a definition before anything runs and reports every problem with its JSON path: unknown
/// activity types, missing required inputs, duplicate ids, connections to missing activities or ports,
/// expressions that do not compile, a start that cannot be found, variables of unknown type. Nested activities
/// (a Sequence's, a loop's body, a nested flowchart's) are checked as well, at their paths; a node whose type is
/// a published workflow used as an activity is checked against that workflow, and a workflow that uses itself
/// (directly or through others) is refused.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry, ExpressionEvaluators evaluators, IWorkflowActivitySource? workflows = null)
{
    private readonly IWorkflowActivitySource _workflows = workflows ?? new NoWorkflowActivities();

    /// <summary>Validates a definition; an empty list means it can run.</summary>
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        ValidateVariables(definition, errors);
        errors.AddRange(WorkflowStrategies.Problems(definition));
        errors.AddRange(LogPersistenceSettings.Problems(definition.Extensions["customProperties"]).Select(p => new ValidationError("$.customProperties." + p.Path, p.Message)));
        errors.AddRange(Testing.WorkflowTestCases.Problems(definition));
        var activities = ValidateActivities(definition, errors);
        foreach (var (flowchart, path) in Flowcharts(definition))
        {
            ValidateConnections(flowchart, path, activities, errors);
            ValidateStart(flowchart, path, errors);
        }

        return errors;
    }

    // The root flowchart and every nested one, with the path of the object that holds its activities and connections.
    private static IEnumerable<(FlowchartDefinition Flowchart, string Path)> Flowcharts(WorkflowDefinition definition)
    {
        if (!definition.Root.IsSingleActivity)
        {
            yield return (definition.Root, "$.root");
        }

        foreach (var (node, path) in NestedActivities.Walk(definition))
        {
            if (node.Flowchart is { } nested)
            {
                yield return (nested, path);
            }
        }
    }

    private static void ValidateVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var variable = definition.Variables[i];
            var path = $"$.variables[{i}]";
            if (string.IsNullOrWhiteSpace(variable.Name))
            {
                errors.Add(new(path + ".name", "A variable needs a name."));
            }
            else if (!names.Add(variable.Name))
            {
                errors.Add(new(path + ".name", $"The variable '{variable.Name}' is declared twice."));
            }

            if (!VariableTypes.TryResolve(variable.TypeName, out _))
            {
                errors.Add(new(path + ".typeName", $"Unknown variable type '{variable.TypeName}'. Known types: {string.Join(", ", VariableTypes.Names)}."));
                continue;
            }

            try
            {
                VariableTypes.Coerce(PlainValues.FromJson(variable.Value), variable.TypeName, variable.IsArray);
            }
            catch (FormatException ex)
            {
                errors.Add(new(path + ".value", ex.Message));
            }
        }
    }

    private Dictionary<string, Activity> ValidateActivities(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var bound = new Dictionary<string, Activity>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, path) in NestedActivities.Walk(definition))
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new(path + ".id", "An activity needs an id."));
            }
            else if (!ids.Add(node.Id))
            {
                errors.Add(new(path + ".id", $"The activity id '{node.Id}' is used more than once."));
            }

            var activity = ActivityBinder.Bind(registry, _workflows, node, definition);
            if (activity is null)
            {
                errors.Add(new(path + ".type", string.IsNullOrEmpty(node.Type) ? "An activity needs a type." : $"Unknown activity type '{node.Type}'."));
                continue;
            }

            if (activity is WorkflowActivity used && UsedWorkflowCycle(definition, used.Used) is { } cycle)
            {
                errors.Add(new(path + ".type", $"The workflow '{used.Used.Name}' cannot be used here: it would use itself ({cycle})."));
            }

            bound.TryAdd(node.Id, activity);
            ValidateInputs(definition, node, activity.Descriptor, path, errors);
            // Enum.TryParse also takes numbers ("7") and flag lists ("Race,Merge"), which name no mode.
            if (!string.IsNullOrEmpty(node.MergeMode) && !Enum.GetNames<MergeMode>().Contains(node.MergeMode, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(path + ".customProperties.mergeMode", $"Unknown merge mode '{node.MergeMode}'. Known modes: {string.Join(", ", Enum.GetNames<MergeMode>())}."));
            }

            errors.AddRange(LogPersistenceSettings.Problems(node.CustomProperties).Select(p => new ValidationError($"{path}.customProperties.{p.Path}", p.Message)));
            foreach (var (input, message) in activity.Validate(new ActivityValidationContext(definition, e => Check(e, definition))))
            {
                errors.Add(new($"{path}.{input}", message));
            }
        }

        return bound;
    }

    // A used workflow that leads back to the consumer (or to itself) would expand without end: the chain found, or null.
    private string? UsedWorkflowCycle(WorkflowDefinition consumer, WorkflowDefinition used)
    {
        var chain = new List<string> { consumer.Name, used.Name };
        var seen = new HashSet<string>(StringComparer.Ordinal) { consumer.DefinitionId };
        return Cycle(used, seen, chain) ? string.Join(" → ", chain) : null;
    }

    private bool Cycle(WorkflowDefinition definition, HashSet<string> onPath, List<string> chain)
    {
        if (!onPath.Add(definition.DefinitionId))
        {
            return true;
        }

        foreach (var (node, _) in NestedActivities.Walk(definition))
        {
            if (!registry.TryGetDescriptor(node.Type, out _) && _workflows.Find(node) is { } used)
            {
                chain.Add(used.Name);
                if (Cycle(used, onPath, chain))
                {
                    return true;
                }

                chain.RemoveAt(chain.Count - 1);
            }
        }

        onPath.Remove(definition.DefinitionId);
        return false;
    }

    private void ValidateInputs(WorkflowDefinition definition, ActivityNode node, ActivityDescriptor descriptor, string path, List<ValidationError> errors)
    {
        foreach (var input in descriptor.Inputs)
        {
            var inputPath = $"{path}.{input.Name}";
            var expression = node.Inputs.TryGetValue(input.Name, out var given) ? given.Expression : null;
            if (expression is null || (ExpressionTypes.IsLiteral(expression) && expression.Text.Length == 0))
            {
                if (input.Required && input.DefaultValue is null)
                {
                    errors.Add(new(inputPath, $"'{input.DisplayName}' is required."));
                }

                continue;
            }

            if (!evaluators.TryGet(expression.Type, out _))
            {
                errors.Add(new(inputPath + ".expression.type", UnknownSyntax(expression)));
            }
            else if (Check(expression, definition) is { } problem)
            {
                errors.Add(new(inputPath + ".expression.value", problem));
            }
        }
    }

    private string? Check(WorkflowExpression expression, WorkflowDefinition definition) =>
        evaluators.TryGet(expression.Type, out var evaluator) ? evaluator.Check(expression, definition) : UnknownSyntax(expression);

    private string UnknownSyntax(WorkflowExpression expression) =>
        $"Unknown expression type '{expression.Type}'. Known types: {string.Join(", ", evaluators.Types)}.";

    private static void ValidateConnections(FlowchartDefinition flowchart, string flowchartPath, Dictionary<string, Activity> activities, List<ValidationError> errors)
    {
        for (var i = 0; i < flowchart.Connections.Count; i++)
        {
            var connection = flowchart.Connections[i];
            var path = $"{flowchartPath}.connections[{i}]";
            var (sourcePath, sourcePortPath, targetPath, targetPortPath) = connection.ReadFlat
                ? (path + ".source", path + ".sourcePort", path + ".target", path + ".targetPort")
                : (path + ".source.activity", path + ".source.port", path + ".target.activity", path + ".target.port");
            if (!flowchart.Activities.Exists(a => a.Id == connection.Source))
            {
                errors.Add(new(sourcePath, $"The connection starts at '{connection.Source}', which is not an activity of this flowchart."));
            }
            else if (activities.TryGetValue(connection.Source, out var source))
            {
                ValidateSourcePort(source, connection.SourcePort, sourcePortPath, errors);
            }

            if (!flowchart.Activities.Exists(a => a.Id == connection.Target))
            {
                errors.Add(new(targetPath, $"The connection ends at '{connection.Target}', which is not an activity of this flowchart."));
            }
            else if (connection.TargetPort != "In")
            {
                errors.Add(new(targetPortPath, $"Connections enter an activity through its 'In' port, not '{connection.TargetPort}'."));
            }
        }
    }

    private static void ValidateSourcePort(Activity source, string port, string path, List<ValidationError> errors)
    {
        IReadOnlyList<string> outcomes;
        try
        {
            outcomes = source.GetOutcomes();
        }
        catch (FormatException ex)
        {
            // Dynamic ports are read from literal inputs (Fork branches, RunJavaScript outcomes); one that does not
            // convert must come out as a validation error, not as an exception out of the validator.
            errors.Add(new(path, $"The outcomes of '{source.Node.DisplayText}' cannot be read: {ex.Message}"));
            return;
        }

        if (!outcomes.Contains(port, StringComparer.Ordinal))
        {
            errors.Add(new(path, $"'{source.Node.DisplayText}' has no outcome '{port}'. Its outcomes: {string.Join(", ", outcomes)}."));
        }
    }

    private static void ValidateStart(FlowchartDefinition flowchart, string path, List<ValidationError> errors)
    {
        if (flowchart.Activities.Count == 0 || StartActivity.Find(flowchart) is not null)
        {
            return;
        }

        errors.Add(flowchart.Start is { Length: > 0 }
            ? new ValidationError(path + ".start", $"The start activity '{flowchart.Start}' is not in the flowchart.")
            : new ValidationError(path, "The flowchart has no start: add an Elsa.Start, or leave one activity without inbound connections."));
    }
}

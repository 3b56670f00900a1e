using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>What an activity's own validation can use: the definition, and a check that an expression compiles.</summary>
/// <param name="Definition">The definition the node belongs to.</param>
/// <param name="CheckExpression">Returns the problem with an expression, or null when it compiles.</param>
public sealed record ActivityValidationContext(WorkflowDefinition Definition, Func<WorkflowExpression, string?> CheckExpression);

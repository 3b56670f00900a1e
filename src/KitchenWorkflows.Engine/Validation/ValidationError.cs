namespace KitchenWorkflows.Engine.Validation;

/// <summary>One problem in a workflow definition, located by the JSON path of the offending value.</summary>
/// <param name="Path">A JSON path such as <c>$.root.activities[2].text.expression.value</c>.</param>
/// <param name="Message">What is wrong, in words an ops person can act on.</param>
public sealed record ValidationError(string Path, string Message);

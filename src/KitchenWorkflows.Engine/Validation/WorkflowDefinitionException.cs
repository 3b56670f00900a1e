namespace KitchenWorkflows.Engine.Validation;

/// <summary>Thrown when a definition cannot be read or does not validate; carries every problem found.</summary>
public sealed class WorkflowDefinitionException : KitchenWorkflowsException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public WorkflowDefinitionException(IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(errors)) => Errors = errors;

    /// <summary>Every problem, each with its JSON path.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ValidationError> errors) =>
        "The workflow definition is invalid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"));
}

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>A script threw, or was stopped by its time, statement, memory or recursion limit.</summary>
public sealed class ScriptFailedException : KitchenWorkflowsException
{
    /// <summary>Creates the exception.</summary>
    public ScriptFailedException(string message, Exception innerException) : base(message, innerException) { }
}

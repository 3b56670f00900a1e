namespace KitchenWorkflows.Engine;

/// <summary>The base of every exception the engine throws on purpose.</summary>
public class KitchenWorkflowsException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public KitchenWorkflowsException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KitchenWorkflowsException(string message, Exception innerException) : base(message, innerException) { }
}

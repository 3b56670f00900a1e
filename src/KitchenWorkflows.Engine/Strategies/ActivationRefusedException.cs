namespace KitchenWorkflows.Engine.Strategies;

/// <summary>A start the workflow's activation strategy refuses: a matching instance is still running.</summary>
public sealed class ActivationRefusedException(string message) : KitchenWorkflowsException(message);

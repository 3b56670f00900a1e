namespace KitchenWorkflows.Engine.Execution;

/// <summary>Control that flowed along a connection and has not been consumed by its target yet.</summary>
/// <param name="Source">The source activity id.</param>
/// <param name="SourcePort">The outcome port it left by.</param>
/// <param name="Target">The target activity id.</param>
public sealed record Token(string Source, string SourcePort, string Target);

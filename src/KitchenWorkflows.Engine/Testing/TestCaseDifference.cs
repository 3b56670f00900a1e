namespace KitchenWorkflows.Engine.Testing;

/// <summary>One way a test case's run differs from what it expects.</summary>
/// <param name="What">The part that differs: <c>status</c>, <c>output 'reply'</c>, <c>journal line 3</c>, <c>path step 2</c>.</param>
/// <param name="Expected">What the test case expects there, as text; null when it expects nothing there.</param>
/// <param name="Actual">What the run came to there, as text; null when it came to nothing there.</param>
public sealed record TestCaseDifference(string What, string? Expected, string? Actual);

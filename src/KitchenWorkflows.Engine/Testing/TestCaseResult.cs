namespace KitchenWorkflows.Engine.Testing;

/// <summary>How one test case fared: passed when <see cref="Differences"/> is empty.</summary>
/// <param name="Name">The test case.</param>
/// <param name="Differences">Every way the run differs from the expectation.</param>
/// <param name="Actual">What the run came to.</param>
public sealed record TestCaseResult(string Name, IReadOnlyList<TestCaseDifference> Differences, TestRunOutcome Actual)
{
    /// <summary>Whether the run came to what the test case expects.</summary>
    public bool Passed => Differences.Count == 0;
}

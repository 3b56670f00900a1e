namespace KitchenWorkflows.Engine.Testing;

/// <summary>
/// A test case of a workflow definition: an input and what a test run of it must come to. Publishing a version runs
/// its test cases and is refused when one fails (see <see cref="WorkflowTestCases"/> for where they are kept).
/// </summary>
public sealed record WorkflowTestCase
{
    /// <summary>The name ops gave it, unique within the definition.</summary>
    public string Name { get; init; } = "";

    /// <summary>The workflow input.</summary>
    public Dictionary<string, object?> Input { get; init; } = [];

    /// <summary>What the run must come to; a part left out is not checked.</summary>
    public TestCaseExpectation Expected { get; init; } = new();
}

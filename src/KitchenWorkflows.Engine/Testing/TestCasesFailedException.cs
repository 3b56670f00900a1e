namespace KitchenWorkflows.Engine.Testing;

/// <summary>A version was not published because some of its test cases failed; <see cref="Failures"/> says how.</summary>
public sealed class TestCasesFailedException : KitchenWorkflowsException
{
    /// <summary>Creates the exception for the failed test cases of a version.</summary>
    public TestCasesFailedException(string definitionId, int version, IReadOnlyList<TestCaseResult> failures)
        : base(Describe(definitionId, version, failures)) => Failures = failures;

    /// <summary>The test cases that failed, each with its differences.</summary>
    public IReadOnlyList<TestCaseResult> Failures { get; }

    private static string Describe(string definitionId, int version, IReadOnlyList<TestCaseResult> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return $"Version {version} of '{definitionId}' is not published: {failures.Count} test case(s) failed ({string.Join(", ", failures.Select(f => f.Name))}).";
    }
}

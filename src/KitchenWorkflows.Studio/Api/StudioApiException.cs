namespace KitchenWorkflows.Studio.Api;

/// <summary>
/// An HTTP API call that answered with problem details. <see cref="Errors"/> holds the validation
/// errors keyed by JSON path (<c>$.root.activities[3].text</c>), empty for other failures.
/// </summary>
public sealed class StudioApiException(int status, string message, IReadOnlyDictionary<string, string[]> errors) : Exception(message)
{
    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The test cases that made a publish fail, each with its differences; empty for other failures.</summary>
    public IReadOnlyList<FailedTestCase> FailedTestCases { get; init; } = [];
}

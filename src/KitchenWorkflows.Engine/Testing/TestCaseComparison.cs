using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Testing;

/// <summary>Compares a run's outcome with a test case's expectation, part by part.</summary>
public static class TestCaseComparison
{
    // Differences are read by people: Cyrillic stays as written instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every difference between what <paramref name="expected"/> checks and <paramref name="actual"/>.</summary>
    public static IReadOnlyList<TestCaseDifference> Compare(TestCaseExpectation expected, TestRunOutcome actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<TestCaseDifference>();
        if (expected.Status is { } status && status != actual.Status)
        {
            differences.Add(new("status", status.ToString(), actual.Status.ToString()));
        }

        if (expected.Outputs is { } outputs)
        {
            foreach (var name in outputs.Keys.Union(actual.Outputs.Keys).Order(StringComparer.Ordinal))
            {
                var want = outputs.TryGetValue(name, out var e) ? Json(e) : null;
                var got = actual.Outputs.TryGetValue(name, out var a) ? Json(a) : null;
                if (want != got)
                {
                    differences.Add(new($"output '{name}'", want, got));
                }
            }
        }

        if (expected.Journal is { } journal)
        {
            CompareLists("journal line", journal, actual.Journal, differences);
        }

        if (expected.Path is { } path)
        {
            CompareLists("path step", path, actual.Path, differences);
        }

        return differences;
    }

    // The first place the two lists part is the difference that explains the rest: later lines shift after an
    // insertion, so listing them all would bury the one that matters.
    private static void CompareLists(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual, List<TestCaseDifference> differences)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var want = i < expected.Count ? expected[i] : null;
            var got = i < actual.Count ? actual[i] : null;
            if (want != got)
            {
                differences.Add(new(string.Create(CultureInfo.InvariantCulture, $"{what} {i + 1}"), want, got));
                return;
            }
        }
    }

    private static string Json(object? value) => PlainValues.ToJson(PlainValues.Normalize(value))?.ToJsonString(Readable) ?? "null";
}

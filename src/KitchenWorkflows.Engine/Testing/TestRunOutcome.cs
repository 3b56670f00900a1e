using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Testing;

/// <summary>
/// What a test run came to at its end or its first wait: the parts a <see cref="TestCaseExpectation"/> checks, and the
/// outside calls it withheld. The same from an in-memory run (a test case) and from a stored test run (the Studio's),
/// so that saving a test run as a test case expects exactly what the test case's run finds.
/// </summary>
public sealed record TestRunOutcome
{
    /// <summary>How the run ended.</summary>
    public WorkflowSubStatus Status { get; init; }

    /// <summary>The workflow outputs.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The journal lines, in order.</summary>
    public IReadOnlyList<string> Journal { get; init; } = [];

    /// <summary>The ids of the activities executed, in order.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>The outside calls the run recorded instead of making.</summary>
    public IReadOnlyList<WithheldCall> WithheldCalls { get; init; } = [];

    /// <summary>The outcome of a run, from its instance and its journal entries.</summary>
    public static TestRunOutcome From(WorkflowInstanceState state, IEnumerable<JournalEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(state);
        return From(state.SubStatus, state.Output, journal, state.WithheldCalls ?? []);
    }

    /// <summary>The outcome of a run, from its parts as the instance API shows them.</summary>
    public static TestRunOutcome From(WorkflowSubStatus status, IReadOnlyDictionary<string, object?> outputs, IEnumerable<JournalEntry> journal, IReadOnlyList<WithheldCall> withheld)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var entries = journal.OrderBy(e => e.Sequence).ToList();
        return new TestRunOutcome
        {
            Status = status,
            Outputs = outputs,
            Journal = [.. entries.Where(e => e.Message is not null).SelectMany(e => e.Message!.Split(Environment.NewLine))],
            // A failed attempt that its retry policy repeats is one execution, not two steps of the path.
            Path = [.. entries.Where(e => e.Status != JournalEntryStatus.Retrying).Select(e => e.ActivityId)],
            WithheldCalls = withheld,
        };
    }

    /// <summary>This outcome as a test case's expectation: everything it checks.</summary>
    public TestCaseExpectation ToExpectation() => new()
    {
        Status = Status,
        // Normalized: an outcome read from JSON (the Studio's) holds JSON elements, which a test case keeps as plain values.
        Outputs = Outputs.ToDictionary(o => o.Key, o => PlainValues.Normalize(o.Value), StringComparer.Ordinal),
        Journal = [.. Journal],
        Path = [.. Path],
    };
}

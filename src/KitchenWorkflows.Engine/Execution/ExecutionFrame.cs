namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// The persisted scope of one execution of a composite activity (a Sequence, a loop, a nested flowchart, a
/// workflow used as an activity), like Elsa's activity execution context: the activities it scheduled run in
/// it, and it is called back as each completes, until it completes itself. Frames nest through
/// <see cref="ParentId"/>; activities of the root flowchart run in no frame. A scope frame
/// (<see cref="IsScope"/>) only holds the variables of one scheduled child, such as a loop iteration's
/// <c>CurrentValue</c>, and hands the child's completion on to its parent.
/// </summary>
public sealed class ExecutionFrame
{
    /// <summary>The unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The key of the composite activity (its id, prefixed inside a workflow used as an activity).</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>The enclosing frame; null when the composite runs in the root flowchart.</summary>
    public string? ParentId { get; set; }

    /// <summary>Whether this frame only holds the variables of one scheduled child.</summary>
    public bool IsScope { get; set; }

    /// <summary>When the composite started, for its journal entry.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>A Sequence's next position, a loop's iteration count; of a scope frame, the iteration it holds.</summary>
    public int Index { get; set; }

    /// <summary>Children scheduled and not completed yet (Parallel, ParallelForEach, Fork, Switch).</summary>
    public int Pending { get; set; }

    /// <summary>A For loop's current value.</summary>
    public object? Value { get; set; }

    /// <summary>The items a ForEach iterates, evaluated once when it started.</summary>
    public List<object?>? Items { get; set; }

    /// <summary>The ids of the children that completed (a Fork's branches).</summary>
    public List<string>? Completed { get; set; }

    /// <summary>Whether a Break asked the loop to end.</summary>
    public bool Breaking { get; set; }

    /// <summary>A nested flowchart's tokens (see <see cref="Token"/>).</summary>
    public List<Token>? Tokens { get; set; }

    /// <summary>Variables declared in this scope, by name (a loop's CurrentValue, a used workflow's variables).</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>A workflow used as an activity: the inputs it was given (what its <c>getInput</c> reads).</summary>
    public Dictionary<string, object?>? Input { get; set; }

    /// <summary>A workflow used as an activity: the outputs its <c>Elsa.SetOutput</c> set.</summary>
    public Dictionary<string, object?>? Output { get; set; }
}

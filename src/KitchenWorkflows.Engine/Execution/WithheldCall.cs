namespace KitchenWorkflows.Engine.Execution;

/// <summary>An outside call a test run did not make: what would have gone to which system.</summary>
public sealed record WithheldCall
{
    /// <summary>The activity that would have made it.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The outside system, such as <c>SMS gateway</c> or <c>Usedesk</c>.</summary>
    public required string System { get; init; }

    /// <summary>What the call does, such as <c>send SMS</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it would have sent (the number and the text of an SMS, say), as plain values.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();

    /// <summary>When it was withheld.</summary>
    public DateTimeOffset Timestamp { get; init; }
}

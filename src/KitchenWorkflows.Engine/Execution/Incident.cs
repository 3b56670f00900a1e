namespace KitchenWorkflows.Engine.Execution;

/// <summary>Why an instance faulted: the activity, the error and how many attempts were made.</summary>
public sealed record Incident
{
    /// <summary>The faulted activity.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The faulted activity's type.</summary>
    public required string ActivityType { get; init; }

    /// <summary>The error message: for the failures the engine or an activity knows, what failed and what to do.</summary>
    public required string Message { get; init; }

    /// <summary>The technical message beneath an explained <see cref="Message"/> (the exception's own); null when the message is that already.</summary>
    public string? Detail { get; init; }

    /// <summary>The CLR type of the exception, when there was one.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>Attempts made before giving up.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>When the instance faulted.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Whether a retry through the API resolved it.</summary>
    public bool Resolved { get; init; }
}

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// The body of <c>POST /api/kitchen-lab/write-offs</c>. Every field is text, so that a missing or bad one is answered
/// with an error keyed by its field name.
/// </summary>
/// <param name="WriteOffId">Haier's id of the write-off.</param>
/// <param name="ServiceCentreId">Optional: the service centre that dismantles, which is always the API key's own; naming another is a 403.</param>
/// <param name="Appliance">The written-off appliance.</param>
/// <param name="ClientAddress">Where the appliance is.</param>
/// <param name="ContractNumber">The client's Kitchen Lab contract.</param>
/// <param name="Reason">Why the appliance was written off.</param>
public sealed record WriteOffRequest(string? WriteOffId, string? ServiceCentreId, ApplianceModel? Appliance, string? ClientAddress, string? ContractNumber, string? Reason);

/// <summary>An appliance.</summary>
/// <param name="Model">The model, such as HCX-6CS4.</param>
/// <param name="SerialNumber">The serial number the service centre must confirm when it dismantles.</param>
public sealed record ApplianceModel(string? Model, string? SerialNumber);

/// <summary>The body of <c>POST …/dismantle-tasks/{taskId}/schedule</c>.</summary>
/// <param name="ServiceCentreId">Optional: the calling service centre (the API key's; another is a 403).</param>
/// <param name="VisitDate">The visit date, yyyy-MM-dd, today or later.</param>
public sealed record ScheduleVisitRequest(string? ServiceCentreId, string? VisitDate);

/// <summary>The body of <c>POST …/dismantle-tasks/{taskId}/report</c>.</summary>
/// <param name="ServiceCentreId">Optional: the calling service centre (the API key's; another is a 403).</param>
/// <param name="DismantledOn">The date of the dismantling, yyyy-MM-dd, not in the future.</param>
/// <param name="SerialNumberConfirmed">Whether the serial number on the appliance matched the write-off's; without it the task escalates and waits for another report.</param>
/// <param name="Condition">The appliance's condition as found.</param>
/// <param name="DocumentReferences">Photos or documents of the dismantling (file names or links); at least one.</param>
public sealed record DismantleReportRequest(string? ServiceCentreId, string? DismantledOn, bool? SerialNumberConfirmed, string? Condition, IReadOnlyList<string?>? DocumentReferences);

/// <summary>The body of <c>POST …/dismantle-tasks/{taskId}/reject</c>.</summary>
/// <param name="ServiceCentreId">Optional: the calling service centre (the API key's; another is a 403).</param>
/// <param name="Reason">Why the service centre cannot dismantle.</param>
public sealed record RejectDismantleRequest(string? ServiceCentreId, string? Reason);

/// <summary>A service centre's dismantle task: a <c>dismantling</c> instance as the service centre sees it.</summary>
public sealed record DismantleTask
{
    /// <summary>The task id (the instance's correlation id); events about the task carry it.</summary>
    public required string TaskId { get; init; }

    /// <summary>The write-off.</summary>
    public string? WriteOffId { get; init; }

    /// <summary>The service centre it is assigned to.</summary>
    public string? ServiceCentreId { get; init; }

    /// <summary>assigned, scheduled, dismantled, rejected or escalated.</summary>
    public string? Status { get; init; }

    /// <summary>The appliance.</summary>
    public object? Appliance { get; init; }

    /// <summary>Where the appliance is.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The client's contract.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>Why the appliance was written off.</summary>
    public string? Reason { get; init; }

    /// <summary>The terms and the next deadline.</summary>
    public required DismantleDeadlines Deadlines { get; init; }

    /// <summary>The visit date, once scheduled.</summary>
    public string? VisitDate { get; init; }

    /// <summary>The accepted dismantling report.</summary>
    public object? Report { get; init; }

    /// <summary>The rejection, when the service centre rejected the task.</summary>
    public object? Rejection { get; init; }

    /// <summary>How many times a deadline passed or a report was not accepted.</summary>
    public int Escalations { get; init; }

    /// <summary>When the task was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A task's terms and the moment it escalates next.</summary>
/// <param name="ScheduleWithin">How long the service centre has to schedule the visit.</param>
/// <param name="DismantleWithin">How long it has, from scheduling, to report the dismantling.</param>
/// <param name="NextDeadline">When the current step escalates if nothing happens; null when the task ended.</param>
public sealed record DismantleDeadlines(string? ScheduleWithin, string? DismantleWithin, DateTimeOffset? NextDeadline);

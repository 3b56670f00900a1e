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

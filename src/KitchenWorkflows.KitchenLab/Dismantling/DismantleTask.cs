using System.Globalization;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.KitchenLab.Dismantling;

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

    /// <summary>The task an instance of the <c>dismantling</c> workflow is: its input, variables, output and tags.</summary>
    internal static DismantleTask From(WorkflowInstanceState state) => new()
    {
        TaskId = state.CorrelationId ?? state.Id,
        WriteOffId = Text(state.Input.GetValueOrDefault("writeOffId")),
        ServiceCentreId = state.Tags.GetValueOrDefault(DismantlingWorkflow.ServiceCentreTag) ?? Text(state.Input.GetValueOrDefault("serviceCentreId")),
        Status = state.Tags.GetValueOrDefault(DismantlingWorkflow.StatusTag),
        Appliance = state.Input.GetValueOrDefault("appliance"),
        ClientAddress = Text(state.Input.GetValueOrDefault("clientAddress")),
        ContractNumber = Text(state.Input.GetValueOrDefault("contractNumber")),
        Reason = Text(state.Input.GetValueOrDefault("reason")),
        Deadlines = new DismantleDeadlines(
            Text(state.Variables.GetValueOrDefault("scheduleWithin")),
            Text(state.Variables.GetValueOrDefault("dismantleWithin")),
            state.Bookmarks.Where(b => b.DueAt is not null && b.Name != Bookmark.RetryName).Select(b => b.DueAt).Min()),
        VisitDate = Text(state.Variables.GetValueOrDefault("visitDate")),
        Report = state.Output.GetValueOrDefault("report"),
        Rejection = state.Output.GetValueOrDefault("rejection"),
        Escalations = ValueConverter.ConvertTo<int>(state.Variables.GetValueOrDefault("escalations")),
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
    };

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
}

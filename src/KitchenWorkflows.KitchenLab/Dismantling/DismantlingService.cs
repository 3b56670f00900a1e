using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>
/// Kitchen Lab, process 3: a service centre's dismantle tasks. A task is an instance of the shipped <c>dismantling</c>
/// workflow; its id is the instance's correlation id, and the instance's tags (<c>serviceCentreId</c>, <c>status</c>)
/// are what tasks are found by. Every call names the service centre it acts for, and a centre only ever finds its own
/// tasks: another centre's task id is not found, exactly like an id that does not exist. Values arrive checked; the
/// caller (the HTTP API) answers bad ones.
/// </summary>
public sealed class DismantlingService(IDismantlingInstances instances, IOptions<DismantlingOptions> options)
{
    // A task waits for an event only while it has that bookmark. An escalation that runs between reading the task and
    // delivering the step re-arms the waits with new bookmarks, so the delivery misses; it is tried again a few times.
    private const int DeliveryAttempts = 3;

    /// <summary>
    /// Starts the dismantling of a written-off appliance on the current terms and returns the new task. With an
    /// idempotency key a repeat returns the first task; keys are the service centre's own, two centres never meet.
    /// </summary>
    public async Task<DismantleTask> StartAsync(WriteOff writeOff, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeOff);
        var terms = options.Value;
        var request = new StartRequest
        {
            CorrelationId = NewTaskId(writeOff.ServiceCentreId, idempotencyKey),
            Input = new Dictionary<string, object?>
            {
                ["writeOffId"] = writeOff.WriteOffId,
                ["serviceCentreId"] = writeOff.ServiceCentreId,
                ["appliance"] = new Dictionary<string, object?> { ["model"] = writeOff.ApplianceModel, ["serialNumber"] = writeOff.SerialNumber },
                ["clientAddress"] = writeOff.ClientAddress,
                ["contractNumber"] = writeOff.ContractNumber,
                ["reason"] = writeOff.Reason,
                ["scheduleWithin"] = terms.ScheduleWithin.ToString("c", CultureInfo.InvariantCulture),
                ["dismantleWithin"] = terms.DismantleWithin.ToString("c", CultureInfo.InvariantCulture),
                ["escalationEmail"] = terms.EscalationEmail ?? "",
            },
        };

        var state = await instances.StartAsync(request, idempotencyKey is null ? null : $"{writeOff.ServiceCentreId}:{idempotencyKey}", cancellationToken);
        return DismantleTask.From(state);
    }

    /// <summary>One page (from 1) of the centre's tasks, newest first; a status narrows them.</summary>
    public async Task<DismantleTaskPage> ListAsync(string serviceCentreId, string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> tags = [new(DismantlingWorkflow.ServiceCentreTag, serviceCentreId)];
        if (!string.IsNullOrEmpty(status))
        {
            tags.Add(new(DismantlingWorkflow.StatusTag, status));
        }

        var found = await instances.FindAsync(correlationId: null, tags, page, pageSize, cancellationToken);
        return new DismantleTaskPage([.. found.Items.Select(DismantleTask.From)], page, pageSize, found.TotalCount);
    }

    /// <summary>One of the centre's tasks, or null.</summary>
    public async Task<DismantleTask?> GetAsync(string serviceCentreId, string taskId, CancellationToken cancellationToken) =>
        await FindAsync(serviceCentreId, taskId, cancellationToken) is { } state ? DismantleTask.From(state) : null;

    /// <summary>Schedules the visit, while the task waits for a visit date.</summary>
    public Task<DismantleStepResult> ScheduleVisitAsync(string serviceCentreId, string taskId, DateOnly visitDate, CancellationToken cancellationToken) =>
        DeliverAsync(serviceCentreId, taskId, DismantlingWorkflow.ScheduledEvent,
            new Dictionary<string, object?> { ["visitDate"] = Iso(visitDate) }, cancellationToken);

    /// <summary>Reports the dismantling, after the visit was scheduled; without the serial number confirmed the task escalates.</summary>
    public Task<DismantleStepResult> ReportAsync(string serviceCentreId, string taskId, DismantlingReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return DeliverAsync(serviceCentreId, taskId, DismantlingWorkflow.ReportedEvent, new Dictionary<string, object?>
        {
            ["dismantledOn"] = Iso(report.DismantledOn),
            ["serialNumberConfirmed"] = report.SerialNumberConfirmed,
            ["condition"] = report.Condition,
            ["documentReferences"] = report.DocumentReferences.Select(r => (object?)r).ToList(),
        }, cancellationToken);
    }

    /// <summary>Rejects the task with a reason, before it is dismantled.</summary>
    public Task<DismantleStepResult> RejectAsync(string serviceCentreId, string taskId, string reason, CancellationToken cancellationToken) =>
        DeliverAsync(serviceCentreId, taskId, DismantlingWorkflow.RejectedEvent, new Dictionary<string, object?> { ["reason"] = reason }, cancellationToken);

    /// <summary>
    /// The id of a new task. A repeated start with the same key must make the same request, or the host's replay check
    /// would see another correlation id and refuse it; so with a key the id is derived from the centre and the key.
    /// </summary>
    private static string NewTaskId(string serviceCentreId, string? idempotencyKey) =>
        idempotencyKey is null ? "dt-" + Guid.CreateVersion7().ToString("N") : "dt-" + Hash($"{serviceCentreId}\n{idempotencyKey}");

    // Ownership first (not found), then whether the task waits for this step (not awaited).
    private async Task<DismantleStepResult> DeliverAsync(
        string serviceCentreId, string taskId, string eventName, Dictionary<string, object?> payload, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= DeliveryAttempts; attempt++)
        {
            var state = await FindAsync(serviceCentreId, taskId, cancellationToken);
            if (state is null)
            {
                return new DismantleStepResult(DismantleStepOutcome.NotFound, null);
            }

            if (!state.Bookmarks.Exists(b => b.Name == eventName && b.DueAt is null))
            {
                return new DismantleStepResult(DismantleStepOutcome.NotAwaited, DismantleTask.From(state));
            }

            var touched = await instances.PublishEventAsync(eventName, taskId, payload, cancellationToken);
            if (touched.Contains(state.Id))
            {
                return new DismantleStepResult(DismantleStepOutcome.Done, DismantleTask.From((await instances.GetAsync(state.Id, cancellationToken))!));
            }
        }

        return new DismantleStepResult(DismantleStepOutcome.KeptChanging, null);
    }

    private async Task<WorkflowInstanceState?> FindAsync(string serviceCentreId, string taskId, CancellationToken cancellationToken)
    {
        var found = await instances.FindAsync(taskId, [new(DismantlingWorkflow.ServiceCentreTag, serviceCentreId)], page: 1, pageSize: 1, cancellationToken);
        return found.Items.Count > 0 ? found.Items[0] : null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

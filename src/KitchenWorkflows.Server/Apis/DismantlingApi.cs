using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.KitchenLab.Dismantling;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Kitchen Lab, process 3: service centres start dismantlings on write-off and work their own tasks. A task is an
/// instance of the shipped <c>dismantling</c> workflow; its id is the instance's correlation id, and the instance's
/// tags (<c>serviceCentreId</c>, <c>status</c>) are what the task list filters by. Only service-centre API keys call
/// these endpoints, and the centre is the key's: a centre only ever sees its own tasks (another centre's task id answers
/// 404, exactly like an id that does not exist), and a body or query naming another centre is refused with 403.
/// </summary>
internal static partial class DismantlingApi
{
    private const int MaxIdempotencyKeyLength = 200;
    private const int MaxIdLength = 100;
    private const int MaxTextLength = 2000;
    private const int MaxPageSize = 200;

    // A task waits for an event only while it has that bookmark. An escalation that runs between reading the task and
    // delivering the step re-arms the waits with new bookmarks, so the delivery misses; it is tried again a few times.
    private const int DeliveryAttempts = 3;

    public static void MapDismantlingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kitchen-lab").WithTags("Kitchen Lab: dismantling").RequireAuthorization(Policies.ServiceCentre)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapPost("/write-offs", StartAsync).WithName("StartDismantling")
            .WithSummary("A service centre starts the dismantling of a written-off appliance; 201 with the new task. Honours Idempotency-Key.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/dismantle-tasks", ListAsync).WithName("ListDismantleTasks")
            .WithSummary("The calling service centre's dismantle tasks, newest first; ?status= narrows them.")
            .ProducesValidationProblem();
        group.MapGet("/dismantle-tasks/{taskId}", GetAsync).WithName("GetDismantleTask")
            .WithSummary("One of the calling service centre's tasks.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/dismantle-tasks/{taskId}/schedule", ScheduleAsync).WithName("ScheduleDismantleVisit")
            .WithSummary("Schedule the visit (while the task waits for a visit date).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/dismantle-tasks/{taskId}/report", ReportAsync).WithName("ReportDismantling")
            .WithSummary("Report the dismantling (after the visit was scheduled). Without the serial number confirmed the task escalates and waits for another report.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/dismantle-tasks/{taskId}/reject", RejectAsync).WithName("RejectDismantleTask")
            .WithSummary("Reject the task with a reason (before it is dismantled).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<DismantleTask>, ValidationProblem, ProblemHttpResult>> StartAsync(
        WriteOffRequest? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        DurableWorkflowRuntime runtime, IOptions<DismantlingOptions> options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var serviceCentreId = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        Id(body?.WriteOffId, "writeOffId", errors);
        Required(body?.Appliance?.Model, "appliance.model", errors, MaxIdLength);
        if (Required(body?.Appliance?.SerialNumber, "appliance.serialNumber", errors, 64) is { } serial && !SerialNumber().IsMatch(serial))
        {
            errors["appliance.serialNumber"] = ["A serial number is 3 to 64 letters, digits, '-', '/' or '.'."];
        }

        Required(body?.ClientAddress, "clientAddress", errors);
        Required(body?.ContractNumber, "contractNumber", errors, MaxIdLength);
        Required(body?.Reason, "reason", errors);
        if (idempotencyKey is not null && (idempotencyKey.Length == 0 || idempotencyKey.Length > MaxIdempotencyKeyLength))
        {
            errors["Idempotency-Key"] = [$"The key must be 1 to {MaxIdempotencyKeyLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The write-off is invalid.");
        }

        var terms = options.Value;
        var request = new StartRequest
        {
            // A repeated call with the same key must make the same request, or the runtime's replay check would see
            // another correlation id and refuse it; so with a key the task id is derived from the centre and the key.
            CorrelationId = idempotencyKey is null ? "dt-" + Guid.CreateVersion7().ToString("N") : "dt-" + Hash($"{serviceCentreId}\n{idempotencyKey}"),
            Input = new Dictionary<string, object?>
            {
                ["writeOffId"] = body!.WriteOffId!.Trim(),
                ["serviceCentreId"] = serviceCentreId,
                ["appliance"] = new Dictionary<string, object?> { ["model"] = body.Appliance!.Model!.Trim(), ["serialNumber"] = body.Appliance.SerialNumber!.Trim() },
                ["clientAddress"] = body.ClientAddress!.Trim(),
                ["contractNumber"] = body.ContractNumber!.Trim(),
                ["reason"] = body.Reason!.Trim(),
                ["scheduleWithin"] = terms.ScheduleWithin.ToString("c", CultureInfo.InvariantCulture),
                ["dismantleWithin"] = terms.DismantleWithin.ToString("c", CultureInfo.InvariantCulture),
                ["escalationEmail"] = terms.EscalationEmail ?? "",
            },
        };

        // Idempotency keys are the service centre's own: two centres using the same key never meet.
        var result = await runtime.StartAsync(DismantlingWorkflow.DefinitionId, request,
            idempotencyKey is null ? null : $"{serviceCentreId}:{idempotencyKey}", dispatch: false, cancellationToken);
        var task = ToTask(result.State);
        return TypedResults.Created(TaskLocation(task.TaskId), task);
    }

    private static async Task<Results<Ok<PagedList<DismantleTask>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? serviceCentreId, string? status, int? page, int? pageSize, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var centre = CallerServiceCentre(user, serviceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size must be 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        List<KeyValuePair<string, string>> tags = [new(DismantlingWorkflow.ServiceCentreTag, centre)];
        if (!string.IsNullOrEmpty(status))
        {
            tags.Add(new(DismantlingWorkflow.StatusTag, status));
        }

        var states = await instances.ListStatesAsync(new InstanceFilter
        {
            DefinitionId = DismantlingWorkflow.DefinitionId,
            Tags = tags,
            Page = page ?? 1,
            PageSize = pageSize ?? 50,
        }, cancellationToken);
        return TypedResults.Ok(new PagedList<DismantleTask>([.. states.Items.Select(ToTask)], states.Page, states.PageSize, states.TotalCount));
    }

    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string taskId, string? serviceCentreId, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var centre = CallerServiceCentre(user, serviceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        return await FindAsync(instances, taskId, centre, cancellationToken) is { } state ? TypedResults.Ok(ToTask(state)) : TaskNotFound(taskId);
    }

    private static Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        string taskId, ScheduleVisitRequest? body, InstanceQueries instances, DurableWorkflowRuntime runtime, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        // Judged by the UTC date: every Russian time zone is at or ahead of UTC, so a centre's own today always passes.
        var visitDate = Date(body?.VisitDate, "visitDate", errors);
        if (visitDate < Today(clock))
        {
            errors["visitDate"] = ["The visit date is in the past."];
        }

        return DeliverAsync(taskId, centre, refused, errors, DismantlingWorkflow.ScheduledEvent, "schedule a visit",
            () => new Dictionary<string, object?> { ["visitDate"] = body!.VisitDate },
            instances, runtime, cancellationToken);
    }

    private static Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string taskId, DismantleReportRequest? body, InstanceQueries instances, DurableWorkflowRuntime runtime, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        // A centre east of UTC (up to +12 in Russia) may already be a day ahead; its "today" is not the future.
        if (Date(body?.DismantledOn, "dismantledOn", errors) > Today(clock).AddDays(1))
        {
            errors["dismantledOn"] = ["The dismantling date is in the future."];
        }

        if (body?.SerialNumberConfirmed is null)
        {
            errors["serialNumberConfirmed"] = ["Say whether the serial number matched: true or false."];
        }

        Required(body?.Condition, "condition", errors);
        if (body?.DocumentReferences is not { Count: > 0 } references)
        {
            errors["documentReferences"] = ["Give at least one photo or document reference."];
        }
        else
        {
            for (var i = 0; i < references.Count; i++)
            {
                Required(references[i], $"documentReferences[{i}]", errors, 500);
            }
        }

        return DeliverAsync(taskId, centre, refused, errors, DismantlingWorkflow.ReportedEvent, "report the dismantling",
            () => new Dictionary<string, object?>
            {
                ["dismantledOn"] = body!.DismantledOn,
                ["serialNumberConfirmed"] = body.SerialNumberConfirmed,
                ["condition"] = body.Condition!.Trim(),
                ["documentReferences"] = body.DocumentReferences!.Select(r => (object?)r!.Trim()).ToList(),
            },
            instances, runtime, cancellationToken);
    }

    private static Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        string taskId, RejectDismantleRequest? body, InstanceQueries instances, DurableWorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        Required(body?.Reason, "reason", errors);
        return DeliverAsync(taskId, centre, refused, errors, DismantlingWorkflow.RejectedEvent, "reject the task",
            () => new Dictionary<string, object?> { ["reason"] = body!.Reason!.Trim() },
            instances, runtime, cancellationToken);
    }

    // Another centre named (403) and validation first (they say nothing about the task), then ownership (404), then whether
    // the task waits for this step (409).
    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> DeliverAsync(
        string taskId, string centre, ProblemHttpResult? refused, Dictionary<string, string[]> errors, string eventName, string step, Func<Dictionary<string, object?>> payload,
        InstanceQueries instances, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (refused is not null)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid.");
        }

        for (var attempt = 1; attempt <= DeliveryAttempts; attempt++)
        {
            var state = await FindAsync(instances, taskId, centre, cancellationToken);
            if (state is null)
            {
                return TaskNotFound(taskId);
            }

            if (!state.Bookmarks.Exists(b => b.Name == eventName && b.DueAt is null))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
                    detail: $"Task '{taskId}' is {ToTask(state).Status}; it does not wait for you to {step} now.");
            }

            var touched = await runtime.PublishEventAsync(eventName, taskId, payload(), cancellationToken);
            if (touched.Contains(state.Id))
            {
                return TypedResults.Ok(ToTask((await instances.GetAsync(state.Id, cancellationToken))!));
            }
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
            detail: $"Task '{taskId}' kept changing while the step was delivered; read it and try again.");
    }

    /// <summary>
    /// The service centre the caller acts for: the one its API key names (the policy admits service-centre keys only, and
    /// each names its centre). A body or query may still name the centre; naming another one is refused with 403 rather than
    /// quietly answered for the key's centre, so a centre's mix-up shows at once.
    /// </summary>
    private static string CallerServiceCentre(ClaimsPrincipal user, string? named, out ProblemHttpResult? refused)
    {
        var centre = user.ServiceCentreOf() ?? throw new InvalidOperationException("A service-centre caller without a centre passed the policy.");
        refused = !string.IsNullOrWhiteSpace(named) && !string.Equals(named.Trim(), centre, StringComparison.Ordinal)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                detail: $"Your API key acts for service centre '{centre}'; the request names '{named.Trim()}'.")
            : null;
        return centre;
    }

    private static async Task<WorkflowInstanceState?> FindAsync(InstanceQueries instances, string taskId, string serviceCentreId, CancellationToken cancellationToken)
    {
        var found = await instances.ListStatesAsync(new InstanceFilter
        {
            DefinitionId = DismantlingWorkflow.DefinitionId,
            CorrelationId = taskId,
            Tags = [new(DismantlingWorkflow.ServiceCentreTag, serviceCentreId)],
            PageSize = 1,
        }, cancellationToken);
        return found.Items.Count > 0 ? found.Items[0] : null;
    }

    private static DismantleTask ToTask(WorkflowInstanceState state) => new()
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

    private static ProblemHttpResult TaskNotFound(string taskId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"You have no dismantle task '{taskId}'.");

    private static string TaskLocation(string taskId) => $"/api/kitchen-lab/dismantle-tasks/{Uri.EscapeDataString(taskId)}";

    private static string? Id(string? value, string field, Dictionary<string, string[]> errors) =>
        Required(value, field, errors, MaxIdLength);

    private static string? Required(string? value, string field, Dictionary<string, string[]> errors, int maxLength = MaxTextLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = [$"The {field} is required."];
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"The {field} is at most {maxLength} characters."];
            return null;
        }

        return trimmed;
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = [$"The {field} is required, as yyyy-MM-dd."];
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date in the form yyyy-MM-dd."];
        return null;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9./-]{2,63}$")]
    private static partial Regex SerialNumber();
}

using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using KitchenWorkflows.KitchenLab.Dismantling;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Kitchen Lab, process 3, over HTTP: service centres start dismantlings on write-off and work their own tasks through
/// <see cref="DismantlingService"/>. This class binds and checks the requests (errors keyed by field) and chooses the
/// status codes. Only service-centre API keys call these endpoints, and the centre is the key's: a centre only ever sees
/// its own tasks (another centre's task id answers 404, exactly like an id that does not exist), and a body or query
/// naming another centre is refused with 403.
/// </summary>
internal static partial class DismantlingApi
{
    private const int MaxIdLength = 100;
    private const int MaxTextLength = 2000;
    private const int MaxPageSize = 200;

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
        WriteOffRequest? body, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        DismantlingService dismantling, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var serviceCentreId = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        var writeOffId = Required(body?.WriteOffId, "writeOffId", errors, MaxIdLength);
        var model = Required(body?.Appliance?.Model, "appliance.model", errors, MaxIdLength);
        var serial = Required(body?.Appliance?.SerialNumber, "appliance.serialNumber", errors, 64);
        if (serial is not null && !SerialNumber().IsMatch(serial))
        {
            errors["appliance.serialNumber"] = ["A serial number is 3 to 64 letters, digits, '-', '/' or '.'."];
        }

        var clientAddress = Required(body?.ClientAddress, "clientAddress", errors);
        var contractNumber = Required(body?.ContractNumber, "contractNumber", errors, MaxIdLength);
        var reason = Required(body?.Reason, "reason", errors);
        IdempotencyKey.Validate(idempotencyKey, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The write-off is invalid.");
        }

        var task = await dismantling.StartAsync(
            new WriteOff(writeOffId!, serviceCentreId, model!, serial!, clientAddress!, contractNumber!, reason!), idempotencyKey, cancellationToken);
        return TypedResults.Created(TaskLocation(task.TaskId), task);
    }

    private static async Task<Results<Ok<PagedList<DismantleTask>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? serviceCentreId, string? status, string? page, string? pageSize, DismantlingService dismantling, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var centre = CallerServiceCentre(user, serviceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        if (Paging.Read(page, pageSize, MaxPageSize, errors) is not { } paging)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tasks = await dismantling.ListAsync(centre, status, paging.Page, paging.PageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<DismantleTask>(tasks.Items, tasks.Page, tasks.PageSize, tasks.TotalCount));
    }

    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string taskId, string? serviceCentreId, DismantlingService dismantling, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var centre = CallerServiceCentre(user, serviceCentreId, out var refused);
        if (refused is not null)
        {
            return refused;
        }

        return await dismantling.GetAsync(centre, taskId, cancellationToken) is { } task ? TypedResults.Ok(task) : TaskNotFound(taskId);
    }

    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        string taskId, ScheduleVisitRequest? body, DismantlingService dismantling, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        // Judged by the UTC date: every Russian time zone is at or ahead of UTC, so a centre's own today always passes.
        var visitDate = Date(body?.VisitDate, "visitDate", errors);
        if (visitDate < Today(clock))
        {
            errors["visitDate"] = ["The visit date is in the past."];
        }

        return Refusal(refused, errors)
            ?? Answer(taskId, "schedule a visit", await dismantling.ScheduleVisitAsync(centre, taskId, visitDate!.Value, cancellationToken));
    }

    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string taskId, DismantleReportRequest? body, DismantlingService dismantling, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        // A centre east of UTC (up to +12 in Russia) may already be a day ahead; its "today" is not the future.
        var dismantledOn = Date(body?.DismantledOn, "dismantledOn", errors);
        if (dismantledOn > Today(clock).AddDays(1))
        {
            errors["dismantledOn"] = ["The dismantling date is in the future."];
        }

        if (body?.SerialNumberConfirmed is null)
        {
            errors["serialNumberConfirmed"] = ["Say whether the serial number matched: true or false."];
        }

        var condition = Required(body?.Condition, "condition", errors);
        var references = new List<string>();
        if (body?.DocumentReferences is not { Count: > 0 } given)
        {
            errors["documentReferences"] = ["Give at least one photo or document reference."];
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                references.Add(Required(given[i], $"documentReferences[{i}]", errors, 500)!);
            }
        }

        return Refusal(refused, errors) ?? Answer(taskId, "report the dismantling", await dismantling.ReportAsync(centre, taskId,
            new DismantlingReport(dismantledOn!.Value, body!.SerialNumberConfirmed!.Value, condition!, references), cancellationToken));
    }

    private static async Task<Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        string taskId, RejectDismantleRequest? body, DismantlingService dismantling, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var centre = CallerServiceCentre(user, body?.ServiceCentreId, out var refused);
        var reason = Required(body?.Reason, "reason", errors);
        return Refusal(refused, errors) ?? Answer(taskId, "reject the task", await dismantling.RejectAsync(centre, taskId, reason!, cancellationToken));
    }

    // Another centre named (403) and validation first: they say nothing about the task. The service then answers
    // ownership (404) and whether the task waits for this step (409).
    private static Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult>? Refusal(ProblemHttpResult? refused, Dictionary<string, string[]> errors)
    {
        if (refused is not null)
        {
            return refused;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is invalid.");
        }

        return null;
    }

    private static Results<Ok<DismantleTask>, ValidationProblem, ProblemHttpResult> Answer(string taskId, string step, DismantleStepResult result) => result.Outcome switch
    {
        DismantleStepOutcome.Done => TypedResults.Ok(result.Task!),
        DismantleStepOutcome.NotFound => TaskNotFound(taskId),
        DismantleStepOutcome.NotAwaited => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
            detail: $"Task '{taskId}' is {result.Task!.Status}; it does not wait for you to {step} now."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.",
            detail: $"Task '{taskId}' kept changing while the step was delivered; read it and try again."),
    };

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

    private static ProblemHttpResult TaskNotFound(string taskId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"You have no dismantle task '{taskId}'.");

    private static string TaskLocation(string taskId) => $"/api/kitchen-lab/dismantle-tasks/{Uri.EscapeDataString(taskId)}";

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

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9./-]{2,63}$")]
    private static partial Regex SerialNumber();
}

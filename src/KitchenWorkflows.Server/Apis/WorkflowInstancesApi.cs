using System.Security.Claims;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Workflow instances: list, read, journal, cancel, retry.</summary>
internal static class WorkflowInstancesApi
{
    private const int MaxPageSize = 500;

    public static void MapWorkflowInstancesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflow instances")
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        group.MapGet("/", ListAsync).WithName("ListWorkflowInstances")
            .WithSummary("List instances, newest first, filtered by definitionId, status, subStatus, correlationId, parentId (the children of an instance) and tags (tag=name:value, repeatable: all must match).")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.ReadInstances);
        group.MapGet("/{id}", GetAsync).WithName("GetWorkflowInstance").WithSummary("An instance's summary: status, data, bookmarks, incidents. An API client sees only instances of its own definitions.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInstance);
        group.MapGet("/{id}/journal", GetJournalAsync).WithName("GetWorkflowInstanceJournal").WithSummary("The ordered activity executions of an instance.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInstances);
        group.MapPost("/{id}/cancel", CancelAsync).WithName("CancelWorkflowInstance").WithSummary("Cancel a running or faulted instance.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.OperateInstances);
        group.MapPost("/{id}/retry", RetryAsync).WithName("RetryWorkflowInstance").WithSummary("Resume a faulted instance from the faulted activity.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.OperateInstances);
    }

    private static async Task<Results<Ok<PagedList<InstanceListItem>>, ValidationProblem>> ListAsync(
        [AsParameters] InstanceListQuery query, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        WorkflowStatus? status = null;
        WorkflowSubStatus? subStatus = null;
        if (query.Status is not null)
        {
            if (Enum.TryParse<WorkflowStatus>(query.Status, ignoreCase: true, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"Use one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}."];
            }
        }

        if (query.SubStatus is not null)
        {
            if (Enum.TryParse<WorkflowSubStatus>(query.SubStatus, ignoreCase: true, out var parsed))
            {
                subStatus = parsed;
            }
            else
            {
                errors["subStatus"] = [$"Use one of {string.Join(", ", Enum.GetNames<WorkflowSubStatus>())}."];
            }
        }

        var tags = new List<KeyValuePair<string, string>>();
        foreach (var tag in query.Tag ?? [])
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors["tag"] = [$"'{tag}' is not name:value."];
                continue;
            }

            tags.Add(new(tag[..colon], tag[(colon + 1)..]));
        }

        var paging = Paging.Read(query.Page, query.PageSize, MaxPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(PersonalDataView.Shape(await instances.ListAsync(new InstanceFilter
        {
            DefinitionId = query.DefinitionId,
            Status = status,
            SubStatus = subStatus,
            CorrelationId = query.CorrelationId,
            ParentId = query.ParentId,
            Tags = tags,
            Page = paging!.Value.Page,
            PageSize = paging.Value.PageSize,
        }, cancellationToken), user));
    }

    private static async Task<Results<Ok<WorkflowInstanceSummary>, ProblemHttpResult>> GetAsync(string id, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await instances.GetAsync(id, cancellationToken) is { } state && CallerAccess.MaySee(user, state.DefinitionId)
            ? TypedResults.Ok(PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user))
            : NotFound(id);

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> GetJournalAsync(string id, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await instances.GetJournalAsync(id, cancellationToken) is { } journal ? TypedResults.Ok(PersonalDataView.Shape(journal, user)) : NotFound(id);

    private static async Task<Ok<WorkflowInstanceSummary>> CancelAsync(string id, DurableWorkflowRuntime runtime, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var state = await runtime.CancelAsync(id, cancellationToken);
        await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceCancel, AuditActions.Instance, id, state.DefinitionVersion, state.DefinitionId, cancellationToken);
        return TypedResults.Ok(PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user));
    }

    private static async Task<Ok<WorkflowInstanceSummary>> RetryAsync(string id, DurableWorkflowRuntime runtime, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var state = await runtime.RetryAsync(id, cancellationToken);
        await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceRetry, AuditActions.Instance, id, state.DefinitionVersion, state.DefinitionId, cancellationToken);
        return TypedResults.Ok(PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user));
    }

    // TypedResults.Problem, unlike NotFound(problem), answers as application/problem+json like every other error.
    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No instance '{id}'.");

    /// <summary>The list's query string.</summary>
    internal sealed record InstanceListQuery(string? DefinitionId, string? Status, string? SubStatus, string? CorrelationId, string? ParentId, string[]? Tag, string? Page, string? PageSize);
}

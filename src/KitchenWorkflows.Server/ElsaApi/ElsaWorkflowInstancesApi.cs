using System.Security.Claims;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's workflow instance routes: list by filter, read, journal, cancel, delete, and their bulk forms.</summary>
internal static class ElsaWorkflowInstancesApi
{
    private const int MaxPageSize = 500;

    private const string OneValue = "This server filters by one value at a time.";

    public static void MapElsaWorkflowInstances(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-instances", ListAsync).WithName("ElsaListWorkflowInstances")
            .WithSummary("Elsa: instances by definitionId(s), correlationId, status(es), subStatus(es), page (from 0) and pageSize, newest first.")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapGet("/workflow-instances/{id}", GetAsync).WithName("ElsaGetWorkflowInstance")
            .RequireAuthorization(Policies.ReadInstance);
        elsa.MapGet("/workflow-instances/{id}/execution-state", GetExecutionStateAsync).WithName("ElsaGetWorkflowInstanceExecutionState")
            .RequireAuthorization(Policies.ReadInstance);
        elsa.MapGet("/workflow-instances/{id}/variables", GetVariablesAsync).WithName("ElsaGetWorkflowInstanceVariables")
            .RequireAuthorization(Policies.ReadInstance);
        elsa.MapGet("/workflow-instances/{id}/journal", GetJournalAsync).WithName("ElsaGetWorkflowInstanceJournal")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapPost("/workflow-instances/{id}/journal", GetJournalAsync).WithName("ElsaFilterWorkflowInstanceJournal")
            .RequireAuthorization(Policies.ReadInstances);
        elsa.MapPost("/cancel/workflow-instances/{id}", CancelAsync).WithName("ElsaCancelWorkflowInstance")
            .RequireAuthorization(Policies.OperateInstances);
        elsa.MapDelete("/workflow-instances/{id}", DeleteAsync).WithName("ElsaDeleteWorkflowInstance")
            .WithSummary("Elsa: delete a finished instance; a running one is cancelled first (409).")
            .RequireAuthorization(Policies.OperateInstances);
        elsa.MapPost("/bulk-actions/cancel/workflow-instances", BulkCancelAsync).WithName("ElsaBulkCancelWorkflowInstances")
            .RequireAuthorization(Policies.OperateInstances);
        elsa.MapPost("/bulk-actions/delete/workflow-instances/by-id", BulkDeleteAsync).WithName("ElsaBulkDeleteWorkflowInstances")
            .RequireAuthorization(Policies.OperateInstances);
    }

    private static async Task<Results<Ok<ElsaPagedList<ElsaWorkflowInstanceSummary>>, ValidationProblem>> ListAsync(
        ElsaInstanceListRequest? request, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        request ??= new ElsaInstanceListRequest();
        var errors = new Dictionary<string, string[]>();
        if (request.DefinitionIds is { Count: > 1 })
        {
            errors["$.definitionIds"] = [OneValue];
        }

        var definitionId = request.DefinitionId ?? request.DefinitionIds?.FirstOrDefault();
        var status = OneOf(request.Status, request.Statuses, "$.statuses", errors);
        var subStatus = OneOf(request.SubStatus, request.SubStatuses, "$.subStatuses", errors);
        if (request.Page is < 0)
        {
            errors["$.page"] = ["Pages are whole numbers from 0."];
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            errors["$.pageSize"] = [$"The page size must be a whole number from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await instances.ListStatesAsync(new InstanceFilter
        {
            DefinitionId = definitionId,
            Status = status,
            SubStatus = subStatus,
            CorrelationId = request.CorrelationId,
            Page = (request.Page ?? 0) + 1,
            PageSize = request.PageSize ?? Apis.Paging.DefaultPageSize,
        }, cancellationToken);
        var versions = await store.FindVersionsAsync(new DefinitionVersionQuery { DefinitionIds = [.. page.Items.Select(i => i.DefinitionId).Distinct()] }, cancellationToken);
        var items = page.Items.Select(state =>
        {
            var instance = PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user);
            var version = versions.Items.FirstOrDefault(v => v.Definition.DefinitionId == state.DefinitionId && v.Definition.Version == state.DefinitionVersion)?.Definition;
            var name = versions.Items.FirstOrDefault(v => v.Definition.DefinitionId == state.DefinitionId && v.Definition.IsLatest)?.Definition.Name;
            return new ElsaWorkflowInstanceSummary(
                instance.WorkflowInstanceId, instance.DefinitionId, version?.Id ?? "", instance.DefinitionVersion, instance.Status, instance.SubStatus,
                instance.CorrelationId, name, instance.Incidents.Count(i => !i.Resolved), instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);
        });
        return TypedResults.Ok(new ElsaPagedList<ElsaWorkflowInstanceSummary>([.. items], page.TotalCount));
    }

    private static async Task<Results<Ok<ElsaWorkflowInstance>, NotFound>> GetAsync(
        string id, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await instances.GetAsync(id, cancellationToken) is not { } state || !CallerAccess.MaySee(user, state.DefinitionId))
        {
            return TypedResults.NotFound();
        }

        var json = await ElsaInstanceJson.ForAsync(store, state.DefinitionId, state.DefinitionVersion, cancellationToken);
        var name = (await store.FindAsync(state.DefinitionId, VersionSelector.Latest, cancellationToken))?.Definition.Name;
        return TypedResults.Ok(json.Instance(PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user), name));
    }

    private static async Task<Results<Ok<ElsaExecutionStateResponse>, NotFound>> GetExecutionStateAsync(
        string id, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await instances.GetAsync(id, cancellationToken) is { } state && CallerAccess.MaySee(user, state.DefinitionId)
            ? TypedResults.Ok(new ElsaExecutionStateResponse(state.Status, state.SubStatus, state.UpdatedAt))
            : TypedResults.NotFound();

    // Elsa's ResolvedVariable carries the variable's id; an instance keeps its variables by name, which serves as both.
    private static async Task<Results<Ok<ElsaList<ElsaResolvedVariable>>, NotFound>> GetVariablesAsync(
        string id, InstanceQueries instances, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await instances.GetAsync(id, cancellationToken) is not { } state || !CallerAccess.MaySee(user, state.DefinitionId))
        {
            return TypedResults.NotFound();
        }

        var variables = PersonalDataView.Shape(WorkflowInstanceSummary.From(state), user).Variables;
        return TypedResults.Ok(new ElsaList<ElsaResolvedVariable>([.. variables.Select(v => new ElsaResolvedVariable(v.Key, v.Key, v.Value))], variables.Count));
    }

    private static async Task<Results<Ok<ElsaPagedList<ElsaWorkflowExecutionLogRecord>>, NotFound, ValidationProblem>> GetJournalAsync(
        string id, string? skip, string? take, InstanceQueries instances, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ElsaQuery.Count(skip, "skip", errors) ?? 0;
        var count = ElsaQuery.Count(take, "take", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await instances.GetAsync(id, cancellationToken) is not { } state || await instances.GetJournalAsync(id, cancellationToken) is not { } journal)
        {
            return TypedResults.NotFound();
        }

        var json = await ElsaInstanceJson.ForAsync(store, state.DefinitionId, state.DefinitionVersion, cancellationToken);
        var log = json.Log(id, PersonalDataView.Shape(journal, user));
        return TypedResults.Ok(new ElsaPagedList<ElsaWorkflowExecutionLogRecord>([.. log.Skip(from).Take(count ?? int.MaxValue)], log.Count));
    }

    private static async Task<Results<Ok, NotFound, ProblemHttpResult>> CancelAsync(string id, ElsaInstanceActions plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await plans.CancelAsync([id], user, cancellationToken), id, "It has finished already; only a running instance can be cancelled.", TypedResults.Ok());

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string id, ElsaInstanceActions plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await plans.DeleteAsync([id], user, cancellationToken), id, "It is still running; cancel it first.", TypedResults.NoContent());

    private static async Task<Ok<ElsaBulkCancelResponse>> BulkCancelAsync(ElsaBulkInstancesRequest? request, ElsaInstanceActions plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ElsaBulkCancelResponse((await plans.CancelAsync(request?.Ids ?? [], user, cancellationToken)).Done.Count));

    private static async Task<Ok<ElsaBulkDeleteResponse>> BulkDeleteAsync(ElsaBulkInstancesRequest? request, ElsaInstanceActions plans, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ElsaBulkDeleteResponse((await plans.DeleteAsync(request?.Ids ?? [], user, cancellationToken)).Done.Count));

    private static Results<T, NotFound, ProblemHttpResult> Answer<T>(InstanceActionOutcome outcome, string id, string skippedBecause, T done)
        where T : IResult =>
        outcome.Done.Count > 0 ? done
        : outcome.Skipped.Count > 0 ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"Instance '{id}': {skippedBecause}")
        : TypedResults.NotFound();

    // Our store filters by one value of each; a list of one is that value, a longer list is refused rather than half applied.
    private static T? OneOf<T>(T? value, IReadOnlyList<T>? values, string field, Dictionary<string, string[]> errors)
        where T : struct
    {
        if (values is not { Count: > 0 })
        {
            return value;
        }

        if (values.Count > 1 || (value is not null && !Equals(value, values[0])))
        {
            errors[field] = [OneValue];
        }

        return values[0];
    }

    /// <summary>Elsa's <c>ListWorkflowInstancesRequest</c>; ordering is always newest first here.</summary>
    internal sealed record ElsaInstanceListRequest(
        int? Page = null, int? PageSize = null, string? DefinitionId = null, IReadOnlyList<string>? DefinitionIds = null, string? CorrelationId = null,
        WorkflowStatus? Status = null, IReadOnlyList<WorkflowStatus>? Statuses = null, WorkflowSubStatus? SubStatus = null, IReadOnlyList<WorkflowSubStatus>? SubStatuses = null);

    /// <summary>The body of Elsa's bulk instance actions.</summary>
    internal sealed record ElsaBulkInstancesRequest(IReadOnlyList<string>? Ids);

    /// <summary>Elsa's answer to the execution state, which Elsa Studio polls while an instance runs.</summary>
    internal sealed record ElsaExecutionStateResponse(WorkflowStatus Status, WorkflowSubStatus SubStatus, DateTimeOffset UpdatedAt);

    /// <summary>Elsa's <c>ResolvedVariable</c>: a variable of an instance with its value.</summary>
    internal sealed record ElsaResolvedVariable(string Id, string Name, object? Value);

    /// <summary>Elsa's answer to bulk cancel.</summary>
    internal sealed record ElsaBulkCancelResponse(long Cancelled);
}

using System.Security.Claims;
using Hangfire;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Bulk;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Bulk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Bulk cancel, retry and delete: submitted as a plan, run in the background, its progress readable.</summary>
internal static class BulkOperationsApi
{
    public static void MapBulkOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bulk-operations").WithTags("Bulk operations")
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .RequireAuthorization(Policies.OperateInstances);
        group.MapPost("/", SubmitAsync).WithName("SubmitBulkOperation")
            .WithSummary($"Cancel, retry or (admins) delete the instances of a list of ids or of a filter, as a plan run in the background (at most {BulkPlans.MaxInstances} instances). Each instance is acted on once, as it was when the plan was made.")
            .ProducesValidationProblem();
        group.MapGet("/{planId}", GetAsync).WithName("GetBulkOperation")
            .WithSummary("A plan's progress: done, skipped, failed and pending counts, and why instances were skipped or failed.");
    }

    private static async Task<Results<Accepted<BulkPlanProgress>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        BulkOperationRequest request, BulkPlans plans, IBackgroundJobClient jobs, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var operation = BulkRequestReading.Operation(request.Operation, errors);
        var selection = BulkRequestReading.Selection(request.InstanceIds, request.Filter, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (operation == BulkOperation.Delete && !user.IsInRole(Roles.Admin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only admins delete instances.");
        }

        BulkPlanProgress progress;
        try
        {
            var plan = await plans.CreateAsync(operation!.Value, selection!, user.ToAuditActor().Name, cancellationToken);
            await audit.RecordAsync(user.ToAuditActor(), AuditActions.BulkSubmit, AuditActions.BulkPlan, plan.Id,
                details: $"{plan.Operation} of {plan.Total} instance(s): {plan.Selection}", cancellationToken: cancellationToken);
            if (plan.Total > 0)
            {
                BulkPlanJob.Enqueue(jobs, plan.Id);
            }

            progress = (await plans.GetAsync(plan.Id, cancellationToken))!;
        }
        catch (BulkPlanTooLargeException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [request.InstanceIds is null ? "filter" : "instanceIds"] = [ex.Message] });
        }

        return TypedResults.Accepted($"/api/bulk-operations/{progress.PlanId}", progress);
    }

    private static async Task<Results<Ok<BulkPlanProgress>, ProblemHttpResult>> GetAsync(string planId, BulkPlans plans, CancellationToken cancellationToken) =>
        await plans.GetAsync(planId, cancellationToken) is { } progress
            ? TypedResults.Ok(progress)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No bulk plan '{planId}'.");
}

/// <summary>
/// A bulk operation: <c>operation</c> (cancel, retry, delete) and either <c>instanceIds</c> or a <c>filter</c>
/// (definitionId, status, subStatus, correlationId, tags as name → value).
/// </summary>
public sealed record BulkOperationRequest(string? Operation, IReadOnlyList<string>? InstanceIds, BulkFilterRequest? Filter);

/// <summary>The instances a bulk operation covers, as the instance list filters them.</summary>
public sealed record BulkFilterRequest(string? DefinitionId, string? Status, string? SubStatus, string? CorrelationId, IReadOnlyDictionary<string, string>? Tags);

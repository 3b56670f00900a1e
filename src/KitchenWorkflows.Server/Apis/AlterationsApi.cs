using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Hangfire;
using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Persistence.Alterations;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Bulk;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Bulk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Alterations, as Elsa 3 names them: migrate instances to another version of their definition, set a variable,
/// schedule or cancel an activity of the root flowchart. A dry run reports what each instance would get; a plan applies
/// them in the background (a bulk plan: <see cref="BulkOperation.Alter"/>), each instance in one save under its lease.
/// </summary>
internal static class AlterationsApi
{
    /// <summary>The most instances a dry run reports on one by one.</summary>
    public const int DryRunReports = 500;

    public static void MapAlterationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alterations").WithTags("Alterations")
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .RequireAuthorization(Policies.OperateInstances);
        group.MapPost("/dry-run", DryRunAsync).WithName("DryRunAlterations")
            .WithSummary($"What the alterations would do to each instance (the first {DryRunReports}): for a migration, which bookmarks, variables and pending activities map onto the target version and which do not. Changes nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", SubmitAsync).WithName("SubmitAlterationPlan")
            .WithSummary($"Applies alterations (Migrate, ModifyVariable, ScheduleActivity, CancelActivity) to the instances of a list of ids or of a filter, as a plan run in the background (at most {BulkPlans.MaxInstances} instances). An instance they do not all apply to is left as it was.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{planId}", GetAsync).WithName("GetAlterationPlan")
            .WithSummary("An alteration plan's progress: done, skipped, failed and pending counts, and why instances were skipped or failed.");
    }

    private static async Task<Results<Ok<AlterationDryRun>, ValidationProblem, ProblemHttpResult>> DryRunAsync(
        AlterationPlanRequest request, BulkPlans plans, WorkflowDefinitionStore definitions, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var (read, invalid, missing) = await ReadAsync(request, plans, definitions, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (read is null)
        {
            return missing!;
        }

        var reports = new List<InstanceAlterationReport>();
        foreach (var id in read.InstanceIds.Take(DryRunReports))
        {
            // One gone since it was selected is left out, as a plan would skip it.
            if (await runtime.DryRunAlterationsAsync(id, read.Alterations, cancellationToken) is { } report)
            {
                reports.Add(report);
            }
        }

        return TypedResults.Ok(new AlterationDryRun(read.InstanceIds.Count, reports.Count(r => r.Applies), reports));
    }

    private static async Task<Results<Accepted<BulkPlanProgress>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        AlterationPlanRequest request, BulkPlans plans, WorkflowDefinitionStore definitions, IBackgroundJobClient jobs, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (read, invalid, missing) = await ReadAsync(request, plans, definitions, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (read is null)
        {
            return missing!;
        }

        var actor = user.ToAuditActor();
        var plan = await plans.CreateAsync(BulkOperation.Alter, read.Selection, actor.Name, cancellationToken, read.Alterations);
        await audit.RecordAsync(actor, AuditActions.AlterationSubmit, AuditActions.BulkPlan, plan.Id,
            details: $"{string.Join(", ", read.Alterations.Select(a => a.Type))} on {plan.Total} instance(s): {plan.Selection}", cancellationToken: cancellationToken);
        if (plan.Total > 0)
        {
            BulkPlanJob.Enqueue(jobs, plan.Id);
        }

        var progress = (await plans.GetAsync(plan.Id, cancellationToken))!;
        return TypedResults.Accepted($"/api/alterations/{progress.PlanId}", progress);
    }

    private static async Task<Results<Ok<BulkPlanProgress>, ProblemHttpResult>> GetAsync(string planId, BulkPlans plans, CancellationToken cancellationToken) =>
        await plans.GetAsync(planId, cancellationToken) is { Operation: BulkOperation.Alter } progress
            ? TypedResults.Ok(progress)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No alteration plan '{planId}'.");

    // The alterations and the instances, or the answer to give: 400 by JSON path, 404 for instance ids that do not exist.
    private static async Task<(ReadRequest? Read, ValidationProblem? Invalid, ProblemHttpResult? Missing)> ReadAsync(
        AlterationPlanRequest request, BulkPlans plans, WorkflowDefinitionStore definitions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var alterations = AlterationRequestReading.Alterations(request.Alterations, errors);
        var selection = BulkRequestReading.Selection(request.InstanceIds, request.Filter, errors);
        if (alterations is not null && request.Filter?.DefinitionId is { } definitionId)
        {
            // With the definition known, a migration to a version it does not have is the request's mistake, not each instance's.
            for (var i = 0; i < alterations.Count; i++)
            {
                if (alterations[i] is MigrateAlteration migrate
                    && await definitions.GetAsync(definitionId, migrate.TargetVersion.ToString(CultureInfo.InvariantCulture), cancellationToken) is null)
                {
                    errors[$"alterations[{i}].targetVersion"] = [$"Workflow '{definitionId}' has no version {migrate.TargetVersion}."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors), null);
        }

        List<string> ids;
        try
        {
            ids = await plans.SelectAsync(selection!, cancellationToken);
        }
        catch (BulkPlanTooLargeException ex)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [request.InstanceIds is null ? "filter" : "instanceIds"] = [ex.Message] }), null);
        }

        if (selection!.InstanceIds?.Except(ids, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: $"No instance {string.Join(", ", unknown.Take(10).Select(id => $"'{id}'"))}{(unknown.Count > 10 ? $" and {unknown.Count - 10} more" : "")}."));
        }

        return (new ReadRequest(alterations!, selection, ids), null, null);
    }

    private sealed record ReadRequest(List<Alteration> Alterations, BulkSelection Selection, List<string> InstanceIds);
}

/// <summary>
/// An alteration plan: <c>alterations</c> (Elsa's shape, e.g. <c>{ "type": "Migrate", "targetVersion": 2 }</c>,
/// <c>{ "type": "ModifyVariable", "variableId": "...", "value": ... }</c>, <c>{ "type": "ScheduleActivity", "activityId": "..." }</c>,
/// <c>{ "type": "CancelActivity", "activityId": "..." }</c>), applied in order, and either <c>instanceIds</c> or a <c>filter</c>
/// as bulk operations take it.
/// </summary>
public sealed record AlterationPlanRequest(JsonNode? Alterations, IReadOnlyList<string>? InstanceIds, BulkFilterRequest? Filter);

/// <summary>A dry run: how many instances the plan would cover, how many of those reported it applies to, and the reports.</summary>
public sealed record AlterationDryRun(int Total, int Applicable, IReadOnlyList<InstanceAlterationReport> Instances);

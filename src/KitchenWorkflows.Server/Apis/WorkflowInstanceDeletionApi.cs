using System.Globalization;
using System.Security.Claims;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Retention;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Deleting ended instances by hand: one by id, or those a filter selects. Admins only; each deletion is audited.</summary>
internal static class WorkflowInstanceDeletionApi
{
    private const int MaxPerRequest = 10_000;

    private static readonly WorkflowSubStatus[] EndedSubStatuses = [WorkflowSubStatus.Finished, WorkflowSubStatus.Cancelled, WorkflowSubStatus.Faulted];

    public static void MapWorkflowInstanceDeletionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-instances").WithTags("Workflow instances")
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWorkflowInstance")
            .WithSummary("Delete an ended (finished, cancelled or faulted) instance with its journal, bookmarks and tags. A running instance is a 409: cancel it first.");
        group.MapDelete("/", DeleteMatchingAsync).WithName("DeleteWorkflowInstances")
            .WithSummary($"Delete instances that ended before endedBefore (required), of definitionId and with subStatus (Finished, Cancelled, Faulted) when given, the oldest first, at most max (default and limit {MaxPerRequest}) per request; 'more' says whether any are left.")
            .ProducesValidationProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, InstanceDeletion deletion, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        switch (await deletion.DeleteAsync(id, cancellationToken))
        {
            case DeletionOutcome.Deleted:
                await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceDelete, AuditActions.Instance, id, cancellationToken: cancellationToken);
                return TypedResults.NoContent();
            case DeletionOutcome.NotEnded:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance has not ended.",
                    detail: $"Instance '{id}' is running, or a node is working on it: cancel it first, then delete it.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No instance '{id}'.");
        }
    }

    private static async Task<Results<Ok<DeletedInstances>, ValidationProblem>> DeleteMatchingAsync(
        [AsParameters] DeletionQuery query, InstanceDeletion deletion, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DateTimeOffset.TryParse(query.EndedBefore, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var endedBefore))
        {
            // Required, so that a request without it can never mean "every ended instance there is".
            errors["endedBefore"] = ["Give the time (ISO 8601) before which the instances to delete ended."];
        }

        WorkflowSubStatus? subStatus = null;
        if (query.SubStatus is not null)
        {
            if (Enum.TryParse<WorkflowSubStatus>(query.SubStatus, ignoreCase: true, out var parsed) && EndedSubStatuses.Contains(parsed))
            {
                subStatus = parsed;
            }
            else
            {
                errors["subStatus"] = [$"Use one of {string.Join(", ", EndedSubStatuses)}: only ended instances are deleted."];
            }
        }

        var max = MaxPerRequest;
        if (query.Max is not null && (!int.TryParse(query.Max, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxPerRequest))
        {
            errors["max"] = [$"Give a whole number from 1 to {MaxPerRequest}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var deleted = await deletion.DeleteEndedAsync(query.DefinitionId, subStatus, endedBefore, max, cancellationToken);
        if (deleted.Count > 0)
        {
            var details = $"{deleted.Count} instance(s) ended before {endedBefore:O}" + (subStatus is null ? "" : $", {subStatus}");
            await audit.RecordAsync(user.ToAuditActor(), AuditActions.InstanceDelete, AuditActions.Instance, query.DefinitionId ?? "*", details: details, cancellationToken: cancellationToken);
        }

        return TypedResults.Ok(new DeletedInstances(deleted.Count, deleted.Count == max));
    }

    /// <summary>The deletion's query string.</summary>
    internal sealed record DeletionQuery(string? DefinitionId, string? SubStatus, string? EndedBefore, string? Max);

    /// <summary>How many instances went; <see cref="More"/>: the request stopped at its maximum, and more may match.</summary>
    internal sealed record DeletedInstances(int Deleted, bool More);
}

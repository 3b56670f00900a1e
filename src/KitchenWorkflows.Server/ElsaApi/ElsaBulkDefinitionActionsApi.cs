using System.Security.Claims;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's bulk publish, retract and delete of definitions: each definition on its own, reported by what became of it.</summary>
internal static class ElsaBulkDefinitionActionsApi
{
    public static void MapElsaBulkDefinitionActions(this RouteGroupBuilder elsa)
    {
        var bulk = elsa.MapGroup("/bulk-actions").RequireAuthorization(Policies.EditDefinitions);
        bulk.MapPost("/publish/workflow-definitions/by-definition-ids", PublishAsync).WithName("ElsaBulkPublishWorkflowDefinitions");
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", RetractAsync).WithName("ElsaBulkRetractWorkflowDefinitions");
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", DeleteAsync).WithName("ElsaBulkDeleteWorkflowDefinitions")
            .WithSummary("Elsa: delete definitions with all their versions; one with running instances is kept.");
    }

    private static async Task<Ok<ElsaBulkPublishResponse>> PublishAsync(ElsaDefinitionIdsRequest? request, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        List<string> published = [], alreadyPublished = [], notFound = [];
        foreach (var definitionId in Ids(request))
        {
            var latest = await store.FindAsync(definitionId, VersionSelector.Latest, cancellationToken);
            if (latest is null)
            {
                notFound.Add(definitionId);
            }
            else if (latest.Definition.IsPublished)
            {
                alreadyPublished.Add(definitionId);
            }
            else
            {
                await store.PublishAsync(definitionId, user.ToAuditActor(), cancellationToken);
                published.Add(definitionId);
            }
        }

        return TypedResults.Ok(new ElsaBulkPublishResponse(published, alreadyPublished, notFound, []));
    }

    private static async Task<Ok<ElsaBulkRetractResponse>> RetractAsync(ElsaDefinitionIdsRequest? request, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        List<string> retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var definitionId in Ids(request))
        {
            try
            {
                await store.RetractAsync(definitionId, user.ToAuditActor(), cancellationToken);
                retracted.Add(definitionId);
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind == WorkflowRuntimeError.NotFound)
            {
                notFound.Add(definitionId);
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind == WorkflowRuntimeError.Conflict)
            {
                alreadyRetracted.Add(definitionId);
            }
        }

        return TypedResults.Ok(new ElsaBulkRetractResponse(retracted, alreadyRetracted, notFound));
    }

    private static async Task<Ok<ElsaBulkDeleteResponse>> DeleteAsync(ElsaDefinitionIdsRequest? request, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var definitionId in Ids(request))
        {
            try
            {
                deleted += await store.DeleteAsync(definitionId, user.ToAuditActor(), cancellationToken) ? 1 : 0;
            }
            catch (WorkflowRuntimeException ex) when (ex.Kind == WorkflowRuntimeError.Conflict)
            {
                // Running instances keep the definition; the count says how many went.
            }
        }

        return TypedResults.Ok(new ElsaBulkDeleteResponse(deleted));
    }

    private static IEnumerable<string> Ids(ElsaDefinitionIdsRequest? request) => (request?.DefinitionIds ?? []).Distinct(StringComparer.Ordinal);
}

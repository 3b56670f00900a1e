using System.Security.Claims;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's workflow definition routes over our definition store: list, read, save, publish, retract, delete, versions.</summary>
internal static class ElsaWorkflowDefinitionsApi
{
    public static void MapElsaWorkflowDefinitions(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-definitions", ListAsync).WithName("ElsaListWorkflowDefinitions")
            .WithSummary("Elsa: definition versions by versionOptions, searchTerm, page (from 0), pageSize, orderBy and orderDirection.")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/query/count", CountAsync).WithName("ElsaCountWorkflowDefinitions")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/validation/is-name-unique", IsNameUniqueAsync).WithName("ElsaIsWorkflowDefinitionNameUnique")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/by-definition-id/{definitionId}", GetByDefinitionIdAsync).WithName("ElsaGetWorkflowDefinition")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/{definitionId}", GetByDefinitionIdAsync).WithName("ElsaGetWorkflowDefinitionShort")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/by-id/{id}", GetByIdAsync).WithName("ElsaGetWorkflowDefinitionVersion")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/many-by-id", GetManyByIdAsync).WithName("ElsaGetWorkflowDefinitionVersions")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/{definitionId}/versions", ListVersionsAsync).WithName("ElsaListWorkflowDefinitionVersions")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/workflow-definitions/{definitionId}/consumers", Consumers).WithName("ElsaWorkflowDefinitionConsumers")
            .WithSummary("Elsa: the definitions that use this one as an activity (none: workflows are not offered as activities here).")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapPost("/workflow-definitions", SaveAsync).WithName("ElsaSaveWorkflowDefinition")
            .WithSummary("Elsa: save a WorkflowDefinitionModel as a draft, and publish it when publish is true.")
            .RequireAuthorization(Policies.EditDefinitions);
        elsa.MapPost("/workflow-definitions/{definitionId}/publish", PublishAsync).WithName("ElsaPublishWorkflowDefinition")
            .RequireAuthorization(Policies.EditDefinitions);
        elsa.MapPost("/workflow-definitions/{definitionId}/retract", RetractAsync).WithName("ElsaRetractWorkflowDefinition")
            .RequireAuthorization(Policies.EditDefinitions);
        elsa.MapDelete("/workflow-definitions/{definitionId}", DeleteAsync).WithName("ElsaDeleteWorkflowDefinition")
            .RequireAuthorization(Policies.EditDefinitions);
        elsa.MapPost("/workflow-definitions/{definitionId}/revert/{version:int}", RevertAsync).WithName("ElsaRevertWorkflowDefinition")
            .WithSummary("Elsa: a new draft with the content of an earlier version.")
            .RequireAuthorization(Policies.EditDefinitions);
    }

    private static async Task<Results<Ok<ElsaPagedList<JsonObject>>, ValidationProblem>> ListAsync(
        string? versionOptions, string? page, string? pageSize, string? searchTerm, string? orderBy, string? orderDirection,
        string[]? definitionIds, string[]? ids, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var versions = ElsaVersionOptions.Read(versionOptions, fallback: null, errors);
        var paging = ElsaQuery.Paging(page, pageSize, errors);
        ElsaQuery.TryEnum<ElsaDefinitionOrder>(orderBy, "orderBy", errors, out var order);
        ElsaQuery.TryEnum<ElsaOrderDirection>(orderDirection, "orderDirection", errors, out var direction);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Elsa's defaults: by name ascending; by time or version newest first.
        var by = order ?? ElsaDefinitionOrder.Name;
        var found = await store.FindVersionsAsync(new DefinitionVersionQuery
        {
            Versions = versions,
            SearchTerm = searchTerm,
            DefinitionIds = definitionIds,
            Ids = ids,
            OrderBy = by switch
            {
                ElsaDefinitionOrder.Created => DefinitionVersionOrder.Created,
                ElsaDefinitionOrder.Version => DefinitionVersionOrder.Version,
                _ => DefinitionVersionOrder.Name,
            },
            Descending = (direction ?? (by == ElsaDefinitionOrder.Name ? ElsaOrderDirection.Ascending : ElsaOrderDirection.Descending)) == ElsaOrderDirection.Descending,
            Skip = paging!.Value.Skip,
            Take = paging.Value.Take,
        }, cancellationToken);
        return TypedResults.Ok(new ElsaPagedList<JsonObject>([.. found.Items.Select(v => ElsaWorkflowDefinitionJson.ToSummary(v, user))], found.TotalCount, ElsaLinks.ForList(user)));
    }

    private static async Task<Ok<ElsaCountResponse>> CountAsync(WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ElsaCountResponse((await store.FindVersionsAsync(new DefinitionVersionQuery { Versions = VersionSelector.Latest, Take = 0 }, cancellationToken)).TotalCount));

    private static async Task<Ok<ElsaIsNameUniqueResponse>> IsNameUniqueAsync(string? name, string? definitionId, WorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var latest = await store.FindVersionsAsync(new DefinitionVersionQuery { Versions = VersionSelector.Latest }, cancellationToken);
        var taken = latest.Items.Any(v => string.Equals(v.Definition.Name.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase) && v.Definition.DefinitionId != definitionId);
        return TypedResults.Ok(new ElsaIsNameUniqueResponse(!taken));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem>> GetByDefinitionIdAsync(
        string definitionId, string? versionOptions, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var versions = ElsaVersionOptions.Read(versionOptions, VersionSelector.Latest, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.FindAsync(definitionId, versions!.Value, cancellationToken) is { } found
            ? TypedResults.Ok(ElsaWorkflowDefinitionJson.ToModel(found, user))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> GetByIdAsync(string id, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.FindByVersionIdAsync(id, cancellationToken) is { } found ? TypedResults.Ok(ElsaWorkflowDefinitionJson.ToModel(found, user)) : TypedResults.NotFound();

    private static async Task<Ok<ElsaList<JsonObject>>> GetManyByIdAsync(string[]? ids, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = ids is { Length: > 0 } ? (await store.FindVersionsAsync(new DefinitionVersionQuery { Ids = ids }, cancellationToken)).Items : [];
        return TypedResults.Ok(new ElsaList<JsonObject>([.. found.Select(v => ElsaWorkflowDefinitionJson.ToModel(v, user))], found.Count));
    }

    private static async Task<Results<Ok<IReadOnlyList<JsonObject>>, NotFound>> ListVersionsAsync(string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await store.FindVersionsAsync(
            new DefinitionVersionQuery { DefinitionIds = [definitionId], OrderBy = DefinitionVersionOrder.Version, Descending = true }, cancellationToken);
        return found.Items.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<JsonObject>>([.. found.Items.Select(v => ElsaWorkflowDefinitionJson.ToModel(v, user))]);
    }

    // Consuming workflows exist where a workflow is offered as an activity; this server offers none, so none consume.
    private static Ok<ElsaConsumersResponse> Consumers(string definitionId) => TypedResults.Ok(new ElsaConsumersResponse([]));

    private static async Task<Results<Ok<ElsaSaveWorkflowDefinitionResponse>, ValidationProblem>> SaveAsync(
        ElsaSaveWorkflowDefinitionRequest? request, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request?.Model is not { } model)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$.model"] = ["The model (Elsa's WorkflowDefinitionModel) is required."] });
        }

        var saved = await ElsaModelErrors.AtAsync("$.model", async () =>
        {
            var draft = await store.SaveDraftAsync(ElsaWorkflowDefinitionJson.FromModel(model), user.ToAuditActor(), cancellationToken);
            if (request.Publish == true)
            {
                await store.PublishAsync(draft.DefinitionId, user.ToAuditActor(), cancellationToken);
            }

            return await store.FindAsync(draft.DefinitionId, VersionSelector.Latest, cancellationToken);
        });
        return TypedResults.Ok(new ElsaSaveWorkflowDefinitionResponse(ElsaWorkflowDefinitionJson.ToModel(saved!, user), false, 0, []));
    }

    private static async Task<Results<Ok<ElsaSaveWorkflowDefinitionResponse>, NotFound>> PublishAsync(
        string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, VersionSelector.Latest, cancellationToken) is not { } latest)
        {
            return TypedResults.NotFound();
        }

        // Elsa answers a publish of the published version with what is published, marked as already published.
        var alreadyPublished = latest.Definition.IsPublished;
        if (!alreadyPublished)
        {
            await store.PublishAsync(definitionId, user.ToAuditActor(), cancellationToken);
            latest = (await store.FindAsync(definitionId, VersionSelector.Latest, cancellationToken))!;
        }

        return TypedResults.Ok(new ElsaSaveWorkflowDefinitionResponse(ElsaWorkflowDefinitionJson.ToModel(latest, user), alreadyPublished, 0, []));
    }

    private static async Task<Results<Ok<JsonObject>, NotFound, ProblemHttpResult>> RetractAsync(
        string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, new VersionSelector(VersionSelectorKind.LatestOrPublished), cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        if (await store.FindAsync(definitionId, VersionSelector.Published, cancellationToken) is null)
        {
            // Elsa answers 400 with the reason when nothing is published.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request.", detail: $"Workflow with id {definitionId} is not published");
        }

        return TypedResults.Ok(ElsaWorkflowDefinitionJson.ToModel(await store.RetractAsync(definitionId, user.ToAuditActor(), cancellationToken), user));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.DeleteAsync(definitionId, user.ToAuditActor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Created<JsonObject>, NotFound>> RevertAsync(
        string definitionId, int version, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(definitionId, new VersionSelector(VersionSelectorKind.Specific, version), cancellationToken) is not { } earlier)
        {
            return TypedResults.NotFound();
        }

        var draft = await store.SaveDraftAsync(earlier.Definition, user.ToAuditActor(), cancellationToken);
        var saved = (await store.FindByVersionIdAsync(draft.Id, cancellationToken))!;
        return TypedResults.Created($"/elsa/api/workflow-definitions/by-id/{Uri.EscapeDataString(draft.Id)}", ElsaWorkflowDefinitionJson.ToSummary(saved, user));
    }
}

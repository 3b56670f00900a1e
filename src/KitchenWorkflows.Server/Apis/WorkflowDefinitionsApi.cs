using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Server.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Workflow definitions: list, save drafts, read versions, publish, and start instances.</summary>
internal static class WorkflowDefinitionsApi
{
    public static void MapWorkflowDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions")
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        group.MapGet("/", ListAsync).WithName("ListWorkflowDefinitions").WithSummary("List definitions with their latest and published versions.")
            .RequireAuthorization(Policies.ReadDefinitions);
        group.MapPost("/", SaveAsync).WithName("SaveWorkflowDefinition")
            .WithSummary("Save a definition as a draft (a new definition, or a new draft version of an existing one).")
            .Accepts<JsonObject>("application/json")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.EditDefinitions);
        group.MapGet("/{definitionId}", GetAsync).WithName("GetWorkflowDefinition")
            .WithSummary("Read a definition version: ?version=latest (default), published, or a number.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadDefinitions);
        group.MapGet("/{definitionId}/versions", ListVersionsAsync).WithName("ListWorkflowDefinitionVersions")
            .WithSummary("The versions a definition has, newest first, with which is the latest and which is published.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadDefinitions);
        group.MapPost("/{definitionId}/publish", PublishAsync).WithName("PublishWorkflowDefinition")
            .WithSummary("Publish the latest draft; new instances run it from now on, on every node.")
            .WithDescription("Runs the draft's test cases first (customProperties.testCases) and refuses with 409, listing each failing case and its differences, when one fails.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.EditDefinitions);
        group.MapPost("/{definitionId}/retract", RetractAsync).WithName("RetractWorkflowDefinition")
            .WithSummary("Retract the published version: nothing new starts (its triggers go with it), running instances carry on. Publishing again undoes it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.EditDefinitions);
        group.MapPost("/{definitionId}/execute", ExecuteAsync).WithName("ExecuteWorkflow")
            .WithSummary("Start an instance and run it until it finishes or waits. Honours Idempotency-Key.")
            .WithDescription("Runs the published version; ?version=N runs that version instead (the Studio's test run of a saved draft; not for API clients).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.StartWorkflows);
        group.MapPost("/{definitionId}/dispatch", DispatchAsync).WithName("DispatchWorkflow")
            .WithSummary("Start an instance in the background. Honours Idempotency-Key.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.StartWorkflows);
    }

    private static async Task<Ok<IReadOnlyList<WorkflowDefinitionSummary>>> ListAsync(WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Created<JsonObject>> SaveAsync(HttpRequest request, WorkflowDefinitionStore store, IOptions<RequestLimitsOptions> limits, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = limits.Value.MaxJsonDepth }, cancellationToken: cancellationToken);
        var saved = await store.SaveDraftAsync(WorkflowDefinitionSerializer.Deserialize(body), user.ToAuditActor(), cancellationToken);
        return TypedResults.Created($"/api/workflow-definitions/{Uri.EscapeDataString(saved.DefinitionId)}?version={saved.Version}", WorkflowDefinitionSerializer.ToJsonObject(saved));
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkflowDefinitionVersion>>, ProblemHttpResult>> ListVersionsAsync(
        string definitionId, WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        await store.ListVersionsAsync(definitionId, cancellationToken) is { Count: > 0 } versions
            ? TypedResults.Ok(versions)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No workflow '{definitionId}'.");

    private static Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string definitionId, string? version, WorkflowDefinitionStore store, CancellationToken cancellationToken) =>
        DefinitionVersionLookup.WithVersionAsync(definitionId, version, store, definition => Task.FromResult(WorkflowDefinitionSerializer.ToJsonObject(definition)), cancellationToken);

    private static async Task<Ok<JsonObject>> PublishAsync(string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(WorkflowDefinitionSerializer.ToJsonObject(await store.PublishAsync(definitionId, user.ToAuditActor(), cancellationToken)));

    // An unknown definition (404) and one with nothing published (409) are the store's exceptions, answered as problems.
    private static async Task<Ok<JsonObject>> RetractAsync(string definitionId, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(WorkflowDefinitionSerializer.ToJsonObject((await store.RetractAsync(definitionId, user.ToAuditActor(), cancellationToken)).Definition));

    private static async Task<Results<Ok<WorkflowInstanceSummary>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        string definitionId, StartWorkflowRequest? body, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey, string? version,
        DurableWorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CallerAccess.ForbidUnlessAllowed(user, definitionId) is { } forbidden)
        {
            return forbidden;
        }

        if (version is not null && user.AllowedDefinitionsOf() is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "An API client runs the published version; ?version is for designers.");
        }

        if (IdempotencyKey.Problem(idempotencyKey) is { } problem)
        {
            return problem;
        }

        // Read as text, so that "abc" is a 400 on the field like "0" is, not a binding failure without one.
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Versions are whole numbers from 1."] });
            }

            number = parsed;
        }

        var result = await runtime.StartAsync(definitionId, ToStartRequest(body), idempotencyKey, dispatch: false, cancellationToken, number);
        return TypedResults.Ok(PersonalDataView.Shape(WorkflowInstanceSummary.From(result.State), user));
    }

    private static async Task<Results<Accepted<DispatchWorkflowResponse>, ValidationProblem, ProblemHttpResult>> DispatchAsync(
        string definitionId, StartWorkflowRequest? body, [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        DurableWorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CallerAccess.ForbidUnlessAllowed(user, definitionId) is { } forbidden)
        {
            return forbidden;
        }

        if (IdempotencyKey.Problem(idempotencyKey) is { } problem)
        {
            return problem;
        }

        var result = await runtime.StartAsync(definitionId, ToStartRequest(body), idempotencyKey, dispatch: true, cancellationToken);
        return TypedResults.Accepted($"/api/workflow-instances/{result.State.Id}", new DispatchWorkflowResponse(result.State.Id));
    }

    private static StartRequest ToStartRequest(StartWorkflowRequest? body) => new()
    {
        CorrelationId = body?.CorrelationId,
        DryRun = body?.DryRun ?? false,
        Input = body?.Input is { } input ? PlainValues.FromJson(input) as Dictionary<string, object?> : null,
    };
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Apis;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's execute and dispatch, through the same durable runtime as <c>/api</c>'s.</summary>
internal static class ElsaWorkflowExecutionApi
{
    /// <summary>The header in which Elsa names the instance an execute started.</summary>
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";

    public static void MapElsaWorkflowExecution(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/workflow-definitions/{definitionId}/execute", ExecuteAsync).WithName("ElsaExecuteWorkflowDefinition")
            .WithSummary("Elsa: start an instance and run it until it finishes or waits; versionOptions other than Published are for designers.")
            .RequireAuthorization(Policies.StartWorkflows);
        elsa.MapPost("/workflow-definitions/{definitionId}/dispatch", DispatchAsync).WithName("ElsaDispatchWorkflowDefinition")
            .RequireAuthorization(Policies.StartWorkflows);
    }

    private static async Task<Results<Ok<ElsaExecuteResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ExecuteAsync(
        string definitionId, ElsaStartRequest? body, HttpResponse response, DurableWorkflowRuntime runtime, WorkflowDefinitionStore store,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CallerAccess.ForbidUnlessAllowed(user, definitionId) is { } forbidden)
        {
            return forbidden;
        }

        var errors = new Dictionary<string, string[]>();
        var versions = ElsaVersionOptions.Read(body?.VersionOptions, VersionSelector.Published, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => "$." + e.Key, e => e.Value));
        }

        int? version = null;
        if (versions!.Value.Kind != VersionSelectorKind.Published)
        {
            // Like /api's ?version: an API client runs the published version; another version is a designer's test run.
            if (user.AllowedDefinitionsOf() is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "An API client runs the published version; versionOptions is for designers.");
            }

            if (await store.FindAsync(definitionId, versions.Value, cancellationToken) is not { } chosen)
            {
                return TypedResults.NotFound();
            }

            version = chosen.Definition.Version;
        }

        var result = await runtime.StartAsync(definitionId, ToStartRequest(body), idempotencyKey: null, dispatch: false, cancellationToken, version);
        var instance = PersonalDataView.Shape(WorkflowInstanceSummary.From(result.State), user);
        var json = await ElsaInstanceJson.ForAsync(store, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        response.Headers[InstanceIdHeader] = instance.WorkflowInstanceId;
        return TypedResults.Ok(new ElsaExecuteResponse(json.State(instance)));
    }

    private static async Task<Results<Ok<ElsaDispatchResponse>, ProblemHttpResult>> DispatchAsync(
        string definitionId, ElsaStartRequest? body, DurableWorkflowRuntime runtime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CallerAccess.ForbidUnlessAllowed(user, definitionId) is { } forbidden)
        {
            return forbidden;
        }

        var result = await runtime.StartAsync(definitionId, ToStartRequest(body), idempotencyKey: null, dispatch: true, cancellationToken);
        return TypedResults.Ok(new ElsaDispatchResponse(result.State.Id));
    }

    private static StartRequest ToStartRequest(ElsaStartRequest? body) => new()
    {
        CorrelationId = body?.CorrelationId,
        Input = body?.Input is { } input ? PlainValues.FromJson(input) as Dictionary<string, object?> : null,
        TriggerActivityId = body?.TriggerActivityId,
    };

    /// <summary>The body of Elsa's execute and dispatch (<c>ExecuteWorkflowDefinitionRequest</c>, <c>DispatchWorkflowDefinitionRequest</c>).</summary>
    internal sealed record ElsaStartRequest(string? CorrelationId, JsonObject? Input, string? VersionOptions, string? TriggerActivityId);
}

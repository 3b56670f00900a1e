using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's export of a definition as a JSON file, and import of one (saved as a draft, as Elsa does).</summary>
internal static class ElsaDefinitionTransferApi
{
    private static readonly JsonSerializerOptions FileOptions = new() { WriteIndented = true };

    public static void MapElsaDefinitionTransfer(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-definitions/{definitionId}/export", ExportAsync).WithName("ElsaExportWorkflowDefinition")
            .RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapPost("/workflow-definitions/import", ImportAsync).WithName("ElsaImportWorkflowDefinition")
            .WithSummary("Elsa: import a WorkflowDefinitionModel as a draft.")
            .RequireAuthorization(Policies.EditDefinitions);
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(
        string definitionId, string? versionOptions, WorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var versions = ElsaVersionOptions.Read(versionOptions, VersionSelector.Latest, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await store.FindAsync(definitionId, versions!.Value, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var name = string.IsNullOrWhiteSpace(found.Definition.Name) ? found.Definition.DefinitionId : found.Definition.Name;
        var text = ElsaWorkflowDefinitionJson.ToModel(found, user: null).ToJsonString(FileOptions);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/json", $"{name}.json");
    }

    private static async Task<Results<Created<JsonObject>, Ok<JsonObject>>> ImportAsync(
        JsonObject model, WorkflowDefinitionStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var saved = await ElsaModelErrors.AtAsync("$", async () =>
        {
            var draft = await store.SaveDraftAsync(ElsaWorkflowDefinitionJson.FromModel(model), user.ToAuditActor(), cancellationToken);
            return (await store.FindByVersionIdAsync(draft.Id, cancellationToken))!;
        });
        var answer = ElsaWorkflowDefinitionJson.ToModel(saved, user);
        return string.IsNullOrWhiteSpace(model["definitionId"]?.GetValueKind() == JsonValueKind.String ? model["definitionId"]!.GetValue<string>() : null)
            ? TypedResults.Created($"{ElsaApiRoutes.BasePath}/workflow-definitions/by-definition-id/{Uri.EscapeDataString(saved.Definition.DefinitionId)}", answer)
            : TypedResults.Ok(answer);
    }
}

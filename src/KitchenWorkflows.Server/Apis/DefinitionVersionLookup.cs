using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Persistence.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The version a request names (<c>?version=latest|published|N</c>): a 400 on the field when it reads as none, a 404 when it does not exist.</summary>
internal static class DefinitionVersionLookup
{
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> WithVersionAsync<T>(
        string definitionId, string? version, WorkflowDefinitionStore store, Func<WorkflowDefinition, Task<T>> answer, CancellationToken cancellationToken)
    {
        WorkflowDefinition? definition;
        try
        {
            definition = await store.GetAsync(definitionId, version, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [ex.Message] });
        }

        return definition is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"Workflow '{definitionId}' has no version '{version ?? "latest"}'.")
            : TypedResults.Ok(await answer(definition));
    }
}

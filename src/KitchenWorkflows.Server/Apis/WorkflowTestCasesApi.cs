using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Testing;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Test runs and test cases of a definition version, run in memory as test runs: no instance is stored and no outside
/// system is reached. Publishing runs the test cases too (<see cref="WorkflowDefinitionStore.PublishAsync"/>).
/// </summary>
internal static class WorkflowTestCasesApi
{
    public static void MapWorkflowTestCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions/{definitionId}").WithTags("Workflow definitions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .RequireAuthorization(Policies.EditDefinitions);
        group.MapPost("/test-run", TryAsync).WithName("TestRunWorkflowDefinition")
            .WithSummary("Run a version (?version=latest, published or a number) once as a test run: nothing is stored, outside calls are recorded, not made.");
        group.MapPost("/test-cases/run", RunAsync).WithName("RunWorkflowTestCases")
            .WithSummary("Run the test cases of a version (?version=latest, published or a number) and answer how each fared, with its differences.");
    }

    private static Task<Results<Ok<TestRunOutcome>, ValidationProblem, ProblemHttpResult>> TryAsync(
        string definitionId, string? version, StartWorkflowRequest? body, WorkflowDefinitionStore store, TestCaseRunner testCases, CancellationToken cancellationToken) =>
        DefinitionVersionLookup.WithVersionAsync(definitionId, version, store, definition =>
            testCases.TryAsync(definition, body?.Input is { } input ? (Dictionary<string, object?>)PlainValues.FromJson(input)! : [], cancellationToken), cancellationToken);

    private static Task<Results<Ok<IReadOnlyList<TestCaseResult>>, ValidationProblem, ProblemHttpResult>> RunAsync(
        string definitionId, string? version, WorkflowDefinitionStore store, TestCaseRunner testCases, CancellationToken cancellationToken) =>
        DefinitionVersionLookup.WithVersionAsync(definitionId, version, store, definition => testCases.RunAsync(definition, cancellationToken), cancellationToken);
}

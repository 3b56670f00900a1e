using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Elsa 3's REST API under <c>/elsa/api</c>, for Elsa Studio and Elsa's API clients: Elsa's routes, query parameters
/// and JSON shapes over our store and runtime, with our authorization (an Elsa route is a new door to work one of our
/// roles may do, never a new permission). Modules we do not have answer as Elsa does without them.
/// </summary>
internal static class ElsaApiRoutes
{
    /// <summary>The base path, Elsa Studio's <c>remote-endpoint</c>.</summary>
    public const string BasePath = "/elsa/api";

    public static void MapElsaApi(this IEndpointRouteBuilder app)
    {
        var elsa = app.MapGroup(BasePath).WithTags("Elsa API");
        elsa.MapElsaWorkflowDefinitions();
        elsa.MapElsaBulkDefinitionActions();
        elsa.MapElsaDefinitionTransfer();
        elsa.MapElsaWorkflowExecution();
        elsa.MapElsaWorkflowInstances();
        elsa.MapElsaActivityExecutions();
        elsa.MapElsaDescriptors();
        elsa.MapElsaFeatures();
        elsa.MapElsaScripting();
        elsa.MapGet("/package/version", PackageVersion).WithName("ElsaPackageVersion").RequireAuthorization(Policies.ReadDefinitions);
    }

    // The Elsa version whose API this one speaks: Elsa Studio shows it in its footer.
    private static Ok<ElsaPackageVersionResponse> PackageVersion() => TypedResults.Ok(new ElsaPackageVersionResponse("3.8.0"));

    /// <summary>Elsa's <c>PackageVersionResponse</c>.</summary>
    internal sealed record ElsaPackageVersionResponse(string PackageVersion);
}

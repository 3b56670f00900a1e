using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Elsa's installed features: Elsa Studio shows the menus and editors of a module only when the server says it has it.
/// We name the Elsa modules whose work this server does (workflow management and runtime, JavaScript and Liquid
/// expressions); the others (HTTP activities, alterations, identity, …) are not installed, so their menus stay hidden.
/// </summary>
internal static class ElsaFeaturesApi
{
    private static readonly ElsaFeatureDescriptor[] Installed =
    [
        new("WorkflowManagement", "Elsa.Workflows.Management.Features", "Workflow Management", "Workflow definitions, versions and publishing."),
        new("WorkflowRuntime", "Elsa.Workflows.Runtime.Features", "Workflow Runtime", "Running, waiting and resuming workflow instances."),
        new("WorkflowsApi", "Elsa.Workflows.Api.Features", "Workflows API", "The REST API that Elsa Studio talks to."),
        new("JavaScript", "Elsa.JavaScript.Features", "JavaScript", "JavaScript expressions."),
        new("Liquid", "Elsa.Liquid.Features", "Liquid", "Liquid expressions."),
    ];

    public static void MapElsaFeatures(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/features/installed", List).WithName("ElsaListInstalledFeatures").RequireAuthorization(Policies.ReadDefinitions);
        elsa.MapGet("/features/installed/{fullName}", Get).WithName("ElsaGetInstalledFeature").RequireAuthorization(Policies.ReadDefinitions);
    }

    private static Ok<ElsaList<ElsaFeatureDescriptor>> List() => TypedResults.Ok(new ElsaList<ElsaFeatureDescriptor>(Installed, Installed.Length));

    private static Results<Ok<ElsaFeatureDescriptor>, NotFound> Get(string fullName) =>
        Installed.FirstOrDefault(f => f.FullName == fullName) is { } feature ? TypedResults.Ok(feature) : TypedResults.NotFound();

    /// <summary>Elsa's <c>FeatureDescriptor</c>.</summary>
    internal sealed record ElsaFeatureDescriptor(string Name, string Namespace, string DisplayName, string Description)
    {
        /// <summary>The namespace and the name, by which Elsa Studio asks for a feature.</summary>
        public string FullName => $"{Namespace}.{Name}";
    }
}

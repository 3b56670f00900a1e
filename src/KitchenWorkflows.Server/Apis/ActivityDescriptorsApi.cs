using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The activity types the server runs, for the Studio's palette and property panel.</summary>
internal static class ActivityDescriptorsApi
{
    public static void MapActivityDescriptorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-descriptors", ListAsync).WithTags("Activities").WithName("ListActivityDescriptors")
            .WithSummary("Every activity type with its category, inputs, outputs and outcome ports; published workflows usable as activities are listed in the category \"Workflows\".")
            .RequireAuthorization(Policies.ReadDefinitions);
    }

    private static async Task<Ok<IEnumerable<ActivityDescriptor>>> ListAsync(ActivityRegistry registry, PublishedWorkflowActivities workflows, CancellationToken cancellationToken) =>
        TypedResults.Ok(registry.Descriptors.Concat(await workflows.ListDescriptorsAsync(cancellationToken)));
}

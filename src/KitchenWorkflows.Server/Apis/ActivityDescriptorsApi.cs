using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The activity types the server runs, for the Studio's palette and property panel.</summary>
internal static class ActivityDescriptorsApi
{
    public static void MapActivityDescriptorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activity-descriptors", List).WithTags("Activities").WithName("ListActivityDescriptors")
            .WithSummary("Every activity type with its category, inputs and outcome ports.")
            .RequireAuthorization(Policies.ReadDefinitions);
    }

    private static Ok<IEnumerable<ActivityDescriptor>> List(ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);
}

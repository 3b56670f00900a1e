using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Events: resume waiting instances and start event-triggered workflows.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").WithTags("Events")
            .MapPost("/{eventName}", PublishAsync).WithName("PublishEvent")
            .WithSummary("Resume every instance waiting on the event (and correlation, when given) and start the workflows it triggers.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static async Task<Results<Ok<PublishEventResponse>, ValidationProblem>> PublishAsync(
        string eventName, PublishEventRequest? body, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (eventName.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["eventName"] = ["The event name is at most 200 characters."] });
        }

        var touched = await runtime.PublishEventAsync(eventName, body?.CorrelationId, PlainValues.FromJson(body?.Payload), cancellationToken);
        return TypedResults.Ok(new PublishEventResponse(touched));
    }
}

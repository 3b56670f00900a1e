using System.Security.Claims;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Events: resume waiting instances and start event-triggered workflows.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").WithTags("Events").RequireAuthorization(Policies.SendEvents)
            .MapPost("/{eventName}", PublishAsync).WithName("PublishEvent")
            .WithSummary("Resume every instance waiting on the event (and correlation, when given) and start the workflows it triggers.")
            .WithDescription("An API client reaches only instances and triggers of the definitions its key allows.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static async Task<Results<Ok<PublishEventResponse>, ValidationProblem>> PublishAsync(
        string eventName, PublishEventRequest? body, DurableWorkflowRuntime runtime, AuditLog audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (eventName.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["eventName"] = ["The event name is at most 200 characters."] });
        }

        var touched = await runtime.PublishEventAsync(eventName, body?.CorrelationId, PlainValues.FromJson(body?.Payload), cancellationToken, user.AllowedDefinitionsOf());
        await audit.RecordAsync(user.ToAuditActor(), AuditActions.EventPublish, AuditActions.Event, eventName,
            details: $"correlationId: {body?.CorrelationId ?? "(none)"}; instances: {string.Join(", ", touched)}", cancellationToken: cancellationToken);
        return TypedResults.Ok(new PublishEventResponse(touched));
    }
}

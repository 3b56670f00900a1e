using KitchenWorkflows.Engine.Http;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// What an inbound request on a path can reach: a published trigger that starts an instance, or an instance waiting on
/// the path, with the route it listens on and the route values the path gave.
/// </summary>
/// <param name="Route">The route (methods, who may call).</param>
/// <param name="RouteValues">The path's route parameters.</param>
/// <param name="DefinitionId">The definition (an API client may call only its own).</param>
/// <param name="TriggerActivityId">The trigger activity, for a start; null for a waiting instance.</param>
/// <param name="InstanceId">The waiting instance; null for a start.</param>
/// <param name="BookmarkId">The bookmark it waits on; null for a start.</param>
public sealed record HttpTarget(
    HttpEndpointRoute Route,
    Dictionary<string, object?> RouteValues,
    string DefinitionId,
    string? TriggerActivityId,
    string? InstanceId = null,
    string? BookmarkId = null);

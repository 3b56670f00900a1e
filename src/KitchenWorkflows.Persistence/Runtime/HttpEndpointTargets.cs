using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Http;
using KitchenWorkflows.Engine.Validation;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// Finds what an inbound request path reaches, read from the store on every request so that a publish that changes a
/// path holds at once on every node: the trigger index rows the publish wrote in its transaction (only rows with no
/// event name can be routes; the compiled version, immutable and cached, says which are), and the bookmarks of waiting
/// endpoints, whose names carry their path templates.
/// </summary>
public sealed partial class HttpEndpointTargets(
    IDbContextFactory<WorkflowDbContext> contexts, CompiledWorkflowCache workflows, InstanceQueries instances, ILogger<HttpEndpointTargets> logger)
{
    // Two are enough to tell one waiting instance from an ambiguous call.
    private const int WaitingLimit = 2;

    /// <summary>
    /// Published triggers whose route matches <paramref name="path"/>; and, when no trigger does, the instances waiting
    /// on a matching route (of the instance or correlation the caller named, if any). Most specific templates only.
    /// </summary>
    public async Task<IReadOnlyList<HttpTarget>> FindAsync(string path, string? instanceId, string? correlationId, CancellationToken cancellationToken = default)
    {
        var triggers = MostSpecific(await FindTriggersAsync(path, cancellationToken));
        return triggers.Count > 0 ? triggers : MostSpecific(await FindWaitingAsync(path, instanceId, correlationId, cancellationToken));
    }

    private async Task<List<HttpTarget>> FindTriggersAsync(string path, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Triggers.AsNoTracking().Where(t => t.EventName == null)
            .Select(t => new { t.DefinitionId, t.Version, t.ActivityId }).ToListAsync(cancellationToken);
        var found = new List<HttpTarget>();
        foreach (var row in rows)
        {
            CompiledWorkflow workflow;
            try
            {
                workflow = await workflows.GetAsync(row.DefinitionId, row.Version, cancellationToken);
            }
            catch (WorkflowDefinitionException ex)
            {
                // A published version this server can no longer compile (a syntax its configuration turned off since)
                // cannot start anyway; it must not take every other workflow's endpoints down with it.
                LogUncompilable(logger, ex, row.DefinitionId, row.Version);
                continue;
            }

            if (workflow.Triggers.FirstOrDefault(t => t.ActivityId == row.ActivityId)?.ListensFor.Http is { } route
                && route.Template.Match(path) is { } values)
            {
                found.Add(new HttpTarget(route, values, row.DefinitionId, row.ActivityId));
            }
        }

        return found;
    }

    private async Task<List<HttpTarget>> FindWaitingAsync(string path, string? instanceId, string? correlationId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var names = await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt == null && b.Name.StartsWith(HttpEndpointRoute.BookmarkPrefix))
            .Select(b => b.Name).Distinct().ToListAsync(cancellationToken);
        var matching = names.Where(n => RouteTemplate.Problem(n[HttpEndpointRoute.BookmarkPrefix.Length..]) is null
            && RouteTemplate.Parse(n[HttpEndpointRoute.BookmarkPrefix.Length..]).Match(path) is not null).ToList();
        if (matching.Count == 0)
        {
            return [];
        }

        var waiting = db.Bookmarks.AsNoTracking().Where(b => b.DueAt == null && matching.Contains(b.Name));
        if (instanceId is not null)
        {
            waiting = waiting.Where(b => b.InstanceId == instanceId);
        }

        if (correlationId is not null)
        {
            waiting = waiting.Where(b => db.Instances.Any(i => i.Id == b.InstanceId && i.CorrelationId == correlationId));
        }

        var found = new List<HttpTarget>();
        foreach (var bookmark in await waiting.OrderBy(b => b.CreatedAt).Take(WaitingLimit * matching.Count).Select(b => new { b.InstanceId, b.Id }).ToListAsync(cancellationToken))
        {
            // The route's methods and who may call are in the bookmark's payload, in the instance's snapshot.
            var state = await instances.GetAsync(bookmark.InstanceId, cancellationToken);
            if (state?.Bookmarks.Find(b => b.Id == bookmark.Id) is { } held && HttpEndpointRoute.FromPayload(held.Payload) is { } route
                && route.Template.Match(path) is { } values)
            {
                found.Add(new HttpTarget(route, values, state.DefinitionId, null, state.Id, held.Id));
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published version {Version} of {DefinitionId} does not compile; its HTTP endpoints are not served")]
    private static partial void LogUncompilable(ILogger logger, Exception exception, string definitionId, int version);

    private static List<HttpTarget> MostSpecific(List<HttpTarget> targets) => targets.Count == 0
        ? targets
        : [.. targets.Where(t => t.Route.Template.LiteralCount == targets.Max(m => m.Route.Template.LiteralCount))];
}

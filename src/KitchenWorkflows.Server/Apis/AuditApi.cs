using KitchenWorkflows.Persistence.Audit;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Admin: the audit log of definition changes, manual instance actions, and key and account changes.</summary>
internal static class AuditApi
{
    private const int MaxPageSize = 500;

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/audit").WithTags("Admin: audit").RequireAuthorization(Policies.Admin)
            .MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The audit log, newest first, filtered by actor, action, entityType, entityId, from and to (ISO 8601; from inclusive, to exclusive), paged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static async Task<Results<Ok<PagedList<AuditEntry>>, ValidationProblem>> ListAsync(
        [AsParameters] AuditQuery query, AuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.Read(query.Page, query.PageSize, MaxPageSize, errors) is not { } paging)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await audit.ListAsync(new AuditFilter
        {
            Actor = query.Actor,
            Action = query.Action,
            EntityType = query.EntityType,
            EntityId = query.EntityId,
            From = query.From,
            To = query.To,
            Page = paging.Page,
            PageSize = paging.PageSize,
        }, cancellationToken));
    }

    /// <summary>The list's query string.</summary>
    internal sealed record AuditQuery(string? Actor, string? Action, string? EntityType, string? EntityId, DateTimeOffset? From, DateTimeOffset? To, string? Page, string? PageSize);
}

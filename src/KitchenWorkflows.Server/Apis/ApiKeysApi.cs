using System.Security.Claims;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>Admin: API keys. The plain key is in the creation's answer only; the store keeps a salted hash.</summary>
internal static class ApiKeysApi
{
    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/api-keys").WithTags("Admin: API keys").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        group.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("Every API key, revoked ones included; never a secret.");
        group.MapPost("/", CreateAsync).WithName("CreateApiKey")
            .WithSummary("Create a key with one role (a service-centre key names its centre, an api-client key its definitions); the answer shows the key once.")
            .ProducesValidationProblem();
        group.MapPost("/{id}/revoke", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revoke a key: it stops working on this node at once, on every node within Auth:CacheDuration.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest? body, ApiKeyService keys, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = body ?? new CreateApiKeyRequest(null, null, null, null);
        var errors = ApiKeyService.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key request is invalid.");
        }

        var created = await keys.CreateAsync(request, user.ToAuditActor(), cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{created.ApiKey.Id}", created);
    }

    private static async Task<Results<Ok<ApiKeyInfo>, ProblemHttpResult>> RevokeAsync(string id, ApiKeyService keys, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, user.ToAuditActor(), cancellationToken) is { } revoked
            ? TypedResults.Ok(revoked)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No API key '{id}'.");
}

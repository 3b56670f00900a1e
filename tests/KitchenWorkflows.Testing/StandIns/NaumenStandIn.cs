using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>Naumen's registration endpoint: <c>POST /requests</c> answers <c>{"id"}</c>; answers can be made to fail first.</summary>
public sealed class NaumenStandIn : StandInServer
{
    public const string Token = "naumen-test-token";

    public ConcurrentQueue<int> Failures { get; } = new();

    protected override void Map(WebApplication app) =>
        app.MapPost("/requests", (HttpContext context) =>
        {
            if (!HasBearer(context, Token))
            {
                return Results.Json(new { error = "unauthorized" }, statusCode: 401);
            }

            return Failures.TryDequeue(out var status)
                ? Results.Json(new { error = "failing on purpose" }, statusCode: status)
                : Results.Json(new { id = "NAU-2026-000042" }, statusCode: 201);
        });
}

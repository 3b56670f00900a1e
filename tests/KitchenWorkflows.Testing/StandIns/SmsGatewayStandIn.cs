using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>The SMS gateway: <c>POST /messages</c> with a bearer token; answers can be made to fail first.</summary>
public sealed class SmsGatewayStandIn : StandInServer
{
    public const string Token = "sms-test-token";

    /// <summary>Status codes to answer with, one per request, before answering 200.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    protected override void Map(WebApplication app) =>
        app.MapPost("/messages", async (HttpContext context) =>
        {
            if (!HasBearer(context, Token))
            {
                return Results.Json(new { error = "unauthorized" }, statusCode: 401);
            }

            if (Failures.TryDequeue(out var status))
            {
                return Results.Json(new { error = "failing on purpose" }, statusCode: status);
            }

            var message = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            return message.TryGetProperty("to", out _) && message.TryGetProperty("text", out _)
                ? Results.Json(new { id = $"sms-{Requests.Count}" })
                : Results.Json(new { error = "to and text are required" }, statusCode: 422);
        });
}

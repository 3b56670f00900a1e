using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KitchenWorkflows.Testing.StandIns;

/// <summary>A ticket as the Usedesk stand-in keeps it.</summary>
public sealed class StandInTicket
{
    public required long Id { get; init; }

    public string Subject { get; set; } = "";

    public int StatusId { get; set; } = 8;

    public long ChannelId { get; set; }

    public long? GroupId { get; set; }

    public Dictionary<string, string> Fields { get; } = [];

    public ConcurrentQueue<(string Type, string Message)> Comments { get; } = new();
}

/// <summary>
/// Usedesk's public API as documented: <c>POST /create/ticket</c>, <c>/update/ticket</c>, <c>/create/comment</c> and
/// <c>/tickets</c>, each with <c>api_token</c> in the JSON body, over an in-memory set of tickets.
/// </summary>
public sealed class UsedeskStandIn : StandInServer
{
    public const string ApiToken = "usedesk-test-token";

    private long _nextId = 9000;

    public ConcurrentDictionary<long, StandInTicket> Tickets { get; } = new();

    public StandInTicket Seed(long id, int statusId = 1, long channelId = 1) =>
        Tickets[id] = new StandInTicket { Id = id, StatusId = statusId, ChannelId = channelId, Subject = "Вопрос по заказу" };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/create/ticket", (HttpRequest request) => WithBody(request, body =>
        {
            var ticket = new StandInTicket
            {
                Id = Interlocked.Increment(ref _nextId),
                Subject = body.GetProperty("subject").GetString()!,
                ChannelId = body.GetProperty("channel_id").GetInt64(),
            };
            ticket.Comments.Enqueue(("public", body.GetProperty("message").GetString()!));
            Tickets[ticket.Id] = ticket;
            return Results.Json(new { status = "success", ticket_id = ticket.Id });
        }));

        app.MapPost("/update/ticket", (HttpRequest request) => WithTicket(request, (body, ticket) =>
        {
            if (body.TryGetProperty("status", out var status))
            {
                ticket.StatusId = status.GetInt32();
            }

            if (body.TryGetProperty("channel_id", out var channel))
            {
                ticket.ChannelId = channel.GetInt64();
            }

            if (body.TryGetProperty("group_id", out var group))
            {
                ticket.GroupId = group.GetInt64();
            }

            if (body.TryGetProperty("field_id", out var field))
            {
                ticket.Fields[field.ToString()] = body.GetProperty("field_value").GetString()!;
            }

            return Results.Json(new { status = "success", ticket_id = ticket.Id });
        }));

        app.MapPost("/create/comment", (HttpRequest request) => WithTicket(request, (body, ticket) =>
        {
            var type = body.TryGetProperty("type", out var t) ? t.GetString()! : "private";
            ticket.Comments.Enqueue((type, body.GetProperty("message").GetString()!));
            return Results.Json(new { status = "success", comment_id = 70_000 + ticket.Comments.Count });
        }));

        app.MapPost("/tickets", (HttpRequest request) => WithBody(request, body =>
        {
            var tickets = Tickets.Values
                .Where(t => !body.TryGetProperty("fchannel", out var c) || t.ChannelId == c.GetInt64())
                .Where(t => !body.TryGetProperty("fstatus", out var s) || t.StatusId == s.GetInt32())
                .OrderBy(t => t.Id)
                .Select(t => new Dictionary<string, object?>
                {
                    // Usedesk writes ids as strings in its lists.
                    ["id"] = t.Id.ToString(CultureInfo.InvariantCulture),
                    ["subject"] = t.Subject,
                    ["status_id"] = t.StatusId,
                    ["channel_id"] = t.ChannelId,
                    ["group"] = t.GroupId,
                });
            return Results.Json(tickets);
        }));
    }

    // Handlers take the HttpRequest, not the HttpContext: a lambda of HttpContext returning a Task binds as a plain
    // RequestDelegate, and the IResult it returns would never be written.
    private static async Task<IResult> WithBody(HttpRequest request, Func<JsonElement, IResult> handle)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        return body.TryGetProperty("api_token", out var token) && token.GetString() == ApiToken
            ? handle(body)
            : Results.Json(new { error = "Invalid api_token" }, statusCode: 401);
    }

    private Task<IResult> WithTicket(HttpRequest request, Func<JsonElement, StandInTicket, IResult> handle) =>
        WithBody(request, body =>
            body.TryGetProperty("ticket_id", out var id) && Tickets.TryGetValue(id.GetInt64(), out var ticket)
                ? handle(body, ticket)
                : Results.Json(new { error = "Ticket not found" }, statusCode: 404));
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// The part of Usedesk's public API that Kitchen Lab uses. Every method is a <c>POST {BaseUrl}/{method}</c> with a
/// JSON body that carries <c>api_token</c>, as Usedesk documents it; answers are JSON. Each call also sends an
/// <c>Idempotency-Key</c> header: Usedesk does not document one, but a proxy in front of it can use it, and a
/// created ticket keeps the key in its hidden <c>additional_id</c> so a duplicate from a retry can be recognised.
/// </summary>
public sealed class UsedeskClient(HttpClient http, IOptions<UsedeskOptions> options)
{
    private const string System = "Usedesk";

    /// <summary>Creates an outgoing request (a ticket written by an agent to an addressee); returns the new ticket's id.</summary>
    /// <exception cref="IntegrationRejectedException">Usedesk refused the request.</exception>
    /// <exception cref="HttpRequestException">Usedesk failed or could not be reached; a retry may succeed.</exception>
    public async Task<long> CreateOutgoingRequestAsync(UsedeskOutgoingRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Body();
        body["channel_id"] = request.ChannelId;
        body["subject"] = request.Subject;
        body["message"] = request.Message;
        body["client_email"] = request.To;
        if (request.Cc.Count > 0)
        {
            body["cc"] = request.Cc;
        }

        AddAuthor(body);
        body["additional_id"] = idempotencyKey;
        var answer = await PostAsync("create/ticket", body, idempotencyKey, cancellationToken);
        return Id(answer, "ticket_id");
    }

    /// <summary>Changes a ticket; only the properties the update gives are sent, so the others stay as they are.</summary>
    /// <exception cref="IntegrationRejectedException">Usedesk refused the change.</exception>
    /// <exception cref="HttpRequestException">Usedesk failed or could not be reached; a retry may succeed.</exception>
    public async Task UpdateTicketAsync(long ticketId, UsedeskTicketUpdate update, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = Body();
        body["ticket_id"] = ticketId;
        AddIfSet(body, "channel_id", update.ChannelId);
        AddIfSet(body, "status", update.StatusId);
        AddIfSet(body, "group_id", update.GroupId);
        AddIfSet(body, "field_id", update.FieldId);
        AddIfSet(body, "field_value", update.FieldValue);
        AddIfSet(body, "user_id", options.Value.UserId);
        await PostAsync("update/ticket", body, idempotencyKey, cancellationToken);
    }

    /// <summary>
    /// Adds a comment to a ticket: a public one is a reply the client receives, a private one an internal note
    /// only agents see. Returns the comment id when Usedesk gives one.
    /// </summary>
    /// <exception cref="IntegrationRejectedException">Usedesk refused the comment.</exception>
    /// <exception cref="HttpRequestException">Usedesk failed or could not be reached; a retry may succeed.</exception>
    public async Task<string?> CommentAsync(long ticketId, string message, bool isPublic, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var body = Body();
        body["ticket_id"] = ticketId;
        body["message"] = message;
        body["type"] = isPublic ? "public" : "private";
        AddAuthor(body);
        var answer = await PostAsync("create/comment", body, idempotencyKey, cancellationToken);
        return IntegrationHttp.Text(answer, "comment_id");
    }

    /// <summary>Lists tickets (at most 100 from the filter's offset).</summary>
    /// <exception cref="IntegrationRejectedException">Usedesk refused the query.</exception>
    /// <exception cref="HttpRequestException">Usedesk failed or could not be reached; a retry may succeed.</exception>
    public async Task<IReadOnlyList<UsedeskTicket>> ListTicketsAsync(UsedeskTicketFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = Body();
        AddIfSet(body, "fchannel", filter.ChannelId);
        AddIfSet(body, "fstatus", filter.StatusId);
        AddIfSet(body, "fgroup", filter.GroupId);
        body["offset"] = filter.Offset;

        // A query changes nothing, so any key will do; a fresh one keeps proxies from answering from a cache.
        var answer = await PostAsync("tickets", body, Guid.NewGuid().ToString("N"), cancellationToken);
        if (answer is not { ValueKind: JsonValueKind.Array } tickets)
        {
            throw new IntegrationRejectedException($"{System} answered the ticket list with something other than a JSON array.");
        }

        return [.. tickets.EnumerateArray().Select(t => new UsedeskTicket(
            Id(t, "id"),
            IntegrationHttp.Text(t, "subject"),
            (int?)OptionalId(t, "status_id"),
            OptionalId(t, "channel_id"),
            OptionalId(t, "group")))];
    }

    private Dictionary<string, object?> Body() => new(StringComparer.Ordinal) { ["api_token"] = options.Value.ApiToken };

    private void AddAuthor(Dictionary<string, object?> body)
    {
        // Usedesk requires user_id whenever "from" is "user"; without one it writes as the company's first user.
        if (options.Value.UserId is { } userId)
        {
            body["from"] = "user";
            body["user_id"] = userId;
        }
    }

    private static void AddIfSet(Dictionary<string, object?> body, string name, object? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private async Task<JsonElement?> PostAsync(string method, Dictionary<string, object?> body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = IntegrationHttp.JsonPost(method, body, IntegrationHttp.SnakeCase, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await IntegrationHttp.ReadJsonAsync(response, System, cancellationToken);

        // Usedesk reports some refusals with 200 and an "error" property (or "status": "error").
        if (answer is { ValueKind: JsonValueKind.Object } obj
            && (obj.TryGetProperty("error", out _) || IntegrationHttp.Text(obj, "status") == "error"))
        {
            throw new IntegrationRejectedException($"{System} refused {method}: {obj.GetRawText()}") { StatusCode = (int)response.StatusCode };
        }

        return answer;
    }

    private static long Id(JsonElement? answer, string property) =>
        OptionalId(answer, property) ?? throw new IntegrationRejectedException($"{System} answered without a numeric '{property}'.");

    private static long? OptionalId(JsonElement? answer, string property) =>
        long.TryParse(IntegrationHttp.Text(answer, property), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

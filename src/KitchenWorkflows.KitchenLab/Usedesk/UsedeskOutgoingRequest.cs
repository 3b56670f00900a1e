namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>An outgoing request: a new ticket in a channel, written to an addressee with copies.</summary>
/// <param name="ChannelId">The channel the request goes out of.</param>
/// <param name="To">The addressee's email.</param>
/// <param name="Cc">The emails that get a copy.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Message">The body (Usedesk accepts HTML).</param>
public sealed record UsedeskOutgoingRequest(long ChannelId, string To, IReadOnlyList<string> Cc, string Subject, string Message);

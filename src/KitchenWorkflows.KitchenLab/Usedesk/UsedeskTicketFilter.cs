namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>Which tickets to list; null filters nothing. Usedesk answers at most 100 tickets from <paramref name="Offset"/>.</summary>
/// <param name="ChannelId">Only tickets of this channel.</param>
/// <param name="StatusId">Only tickets with this status id.</param>
/// <param name="GroupId">Only tickets of this group.</param>
/// <param name="Offset">How many tickets to skip.</param>
public sealed record UsedeskTicketFilter(long? ChannelId = null, int? StatusId = null, long? GroupId = null, int Offset = 0);

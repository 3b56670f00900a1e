namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>A ticket as Usedesk lists it.</summary>
/// <param name="Id">The ticket id.</param>
/// <param name="Subject">The subject.</param>
/// <param name="StatusId">The status id.</param>
/// <param name="ChannelId">The channel id, when Usedesk gives it.</param>
/// <param name="GroupId">The group id, when the ticket has one.</param>
public sealed record UsedeskTicket(long Id, string? Subject, int? StatusId, long? ChannelId, long? GroupId);

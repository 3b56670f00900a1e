namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>What to change on a ticket; null leaves a property as it is.</summary>
/// <param name="ChannelId">The new channel.</param>
/// <param name="StatusId">The new status id.</param>
/// <param name="GroupId">The group to hand the ticket to.</param>
/// <param name="FieldId">An additional field to set.</param>
/// <param name="FieldValue">The value of that field.</param>
public sealed record UsedeskTicketUpdate(
    long? ChannelId = null,
    int? StatusId = null,
    long? GroupId = null,
    long? FieldId = null,
    string? FieldValue = null);

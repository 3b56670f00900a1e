using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Moves a Usedesk ticket to another channel, "Kitchen Lab" unless the definition names one. Only the channel
/// changes: the article says a client's email is moved without touching its status or replying.
/// </summary>
[Activity("KitchenLab.MoveTicketToChannel", Category = KitchenLabActivityCategory.Name, DisplayName = "Move Ticket to Channel",
    Description = "Move a Usedesk ticket to the Kitchen Lab channel (or another); its status stays as it is.")]
public sealed class MoveTicketToChannel : Activity
{
    /// <summary>The ticket to move.</summary>
    [Input(Description = "The Usedesk ticket id.", Required = true)]
    public Input<long> TicketId { get; set; } = new();

    /// <summary>The target channel; the configured Kitchen Lab channel when empty.</summary>
    [Input(Description = "The target channel id; empty means the configured Kitchen Lab channel (Usedesk:KitchenLabChannelId).")]
    public Input<long?> ChannelId { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticketId = context.Get(TicketId);
        if (ticketId <= 0)
        {
            return ValueTask.FromResult(UsedeskInputs.MissingTicket(ticketId));
        }

        return IntegrationFailures.RunAsync(async () =>
        {
            var channelId = context.Get(ChannelId) ?? context.GetRequiredService<IOptions<UsedeskOptions>>().Value.KitchenLabChannelId;
            await context.CallOutsideAsync(OutsideSystems.Usedesk, "move the ticket to a channel", new Dictionary<string, object?> { ["ticketId"] = ticketId, ["channelId"] = channelId },
                () => context.GetRequiredService<UsedeskClient>().UpdateTicketAsync(
                    ticketId, new UsedeskTicketUpdate(ChannelId: channelId), context.IdempotencyKey, context.CancellationToken));
            return ActivityResult.Done;
        });
    }
}

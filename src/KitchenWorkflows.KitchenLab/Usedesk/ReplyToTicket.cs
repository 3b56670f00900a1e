using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Replies to the client on a Usedesk ticket (a public comment) and, when asked, closes the ticket: the
/// article's "close the client's ticket with the reply …".
/// </summary>
[Activity("KitchenLab.ReplyToTicket", Category = KitchenLabActivityCategory.Name, DisplayName = "Reply to Ticket",
    Description = "Reply to the client on a Usedesk ticket, optionally closing it.")]
public sealed class ReplyToTicket : Activity
{
    /// <summary>The ticket to reply on.</summary>
    [Input(Description = "The Usedesk ticket id.", Required = true)]
    public Input<long> TicketId { get; set; } = new();

    /// <summary>The reply, in Russian as the script words it.</summary>
    [Input(Description = "The reply the client receives, in Russian as the script words it.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> Text { get; set; } = new();

    /// <summary>Whether to close the ticket after replying.</summary>
    [Input(Description = "Close the ticket after the reply.", UIHint = InputUIHints.Checkbox, DefaultValue = "false")]
    public Input<bool> CloseTicket { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticketId = context.Get(TicketId);
        if (ticketId <= 0)
        {
            return ValueTask.FromResult(UsedeskInputs.MissingTicket(ticketId));
        }

        var text = context.Get(Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.FromResult(ActivityResult.Fault("The reply text is empty.", retryable: false));
        }

        return IntegrationFailures.RunAsync(async () =>
        {
            var commentId = await context.CallOutsideAsync(OutsideSystems.Usedesk, "reply to the client", new Dictionary<string, object?> { ["ticketId"] = ticketId, ["text"] = text },
                () => context.GetRequiredService<UsedeskClient>().CommentAsync(ticketId, text, isPublic: true, context.IdempotencyKey, context.CancellationToken), dryAnswer: null);
            if (context.Get(CloseTicket))
            {
                var closed = context.GetRequiredService<IOptions<UsedeskOptions>>().Value.Statuses.Closed;
                await context.CallOutsideAsync(OutsideSystems.Usedesk, "close the ticket", new Dictionary<string, object?> { ["ticketId"] = ticketId, ["statusId"] = closed },
                    () => context.GetRequiredService<UsedeskClient>().UpdateTicketAsync(ticketId, new UsedeskTicketUpdate(StatusId: closed), context.IdempotencyKey + ":close", context.CancellationToken));
            }

            context.SetResult(new Dictionary<string, object?> { ["ticketId"] = ticketId, ["commentId"] = commentId });
            return ActivityResult.Done;
        });
    }
}

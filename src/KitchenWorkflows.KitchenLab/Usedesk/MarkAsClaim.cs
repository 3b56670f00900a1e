using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Turns a Usedesk ticket into an official claim, in one update: channel "Kitchen Lab", category
/// "Официальная претензия", handed to the reclamations group. The ids come from configuration.
/// </summary>
[Activity("KitchenLab.MarkAsClaim", Category = KitchenLabActivityCategory.Name, DisplayName = "Mark as Claim",
    Description = "Move a Usedesk ticket to the Kitchen Lab channel, category \"Официальная претензия\", and the reclamations group.")]
public sealed class MarkAsClaim : Activity
{
    /// <summary>The ticket.</summary>
    [Input(Description = "The Usedesk ticket id.", Required = true)]
    public Input<long> TicketId { get; set; } = new();

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
            var settings = context.GetRequiredService<IOptions<UsedeskOptions>>().Value;
            var update = new UsedeskTicketUpdate(
                ChannelId: settings.KitchenLabChannelId,
                GroupId: settings.ReclamationsGroupId,
                FieldId: settings.CategoryFieldId,
                FieldValue: settings.ClaimCategoryValue);
            await context.CallOutsideAsync(OutsideSystems.Usedesk, "mark the ticket as a claim",
                new Dictionary<string, object?> { ["ticketId"] = ticketId, ["channelId"] = update.ChannelId, ["groupId"] = update.GroupId, ["fieldId"] = update.FieldId, ["fieldValue"] = update.FieldValue },
                () => context.GetRequiredService<UsedeskClient>().UpdateTicketAsync(ticketId, update, context.IdempotencyKey, context.CancellationToken));
            return ActivityResult.Done;
        });
    }
}

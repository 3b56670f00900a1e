using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Sets a Usedesk ticket's status by name (open, solved, closed, on-hold, pending, new, done); the ids behind
/// the names are configuration (<c>Usedesk:Statuses</c>), "done" being the article's "Выполнен".
/// </summary>
[Activity("KitchenLab.SetTicketStatus", Category = KitchenLabActivityCategory.Name, DisplayName = "Set Ticket Status",
    Description = "Set a Usedesk ticket's status by name: open, solved, closed, on-hold, pending, new or done.")]
public sealed class SetTicketStatus : Activity
{
    /// <summary>The ticket.</summary>
    [Input(Description = "The Usedesk ticket id.", Required = true)]
    public Input<long> TicketId { get; set; } = new();

    /// <summary>The status name.</summary>
    [Input(Description = "The status: open, solved, closed, on-hold, pending, new or done (Выполнен).", Required = true,
        UIHint = InputUIHints.Dropdown, Options = ["open", "solved", "closed", "on-hold", "pending", "new", "done"])]
    public Input<string> Status { get; set; } = new();

    /// <inheritdoc />
    public override IEnumerable<(string Property, string Message)> Validate(ActivityValidationContext context)
    {
        if (Status.IsLiteral && new UsedeskStatusIds().Find(Status.Literal) is null)
        {
            yield return ("status", $"'{Status.Literal}' is not a status; use one of {string.Join(", ", UsedeskStatusIds.Names)}.");
        }
    }

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
            var name = context.Get(Status);
            var statusId = context.GetRequiredService<IOptions<UsedeskOptions>>().Value.Statuses.Find(name)
                ?? throw new IntegrationRejectedException($"'{name}' is not a status; use one of {string.Join(", ", UsedeskStatusIds.Names)}.");
            await context.CallOutsideAsync(OutsideSystems.Usedesk, "set the ticket status", new Dictionary<string, object?> { ["ticketId"] = ticketId, ["status"] = name, ["statusId"] = statusId },
                () => context.GetRequiredService<UsedeskClient>().UpdateTicketAsync(
                    ticketId, new UsedeskTicketUpdate(StatusId: statusId), context.IdempotencyKey, context.CancellationToken));
            context.SetResult(statusId);
            return ActivityResult.Done;
        });
    }
}

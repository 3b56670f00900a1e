using System.Globalization;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Waits for a manager's answer to an internal Usedesk ticket: the event <c>usedesk-answer</c> correlated by
/// the ticket id, whose payload says <c>"accepted": true</c> or not. Meanwhile, every reminder interval (24 hours
/// by default, the article's "Напоминание"), it adds the reminder text to the ticket as an internal comment. The
/// answer and the next reminder are two bookmarks of one wait: whichever comes first removes the other.
/// </summary>
[Activity("KitchenLab.AwaitManagerAnswer", Category = KitchenLabActivityCategory.Name, DisplayName = "Await Manager Answer",
    Description = "Wait for the usedesk-answer event of a ticket, reminding on the ticket every interval; Accepted or Rejected.",
    Outcomes = [AcceptedPort, RejectedPort])]
public sealed class AwaitManagerAnswer : Activity
{
    /// <summary>The outcome when the answer says the request was accepted.</summary>
    public const string AcceptedPort = "Accepted";

    /// <summary>The outcome for any other answer.</summary>
    public const string RejectedPort = "Rejected";

    /// <summary>The event that carries a manager's answer, correlated by the ticket id.</summary>
    public const string AnswerEventName = "usedesk-answer";

    private const string TicketKey = "ticketId";
    private const string IntervalKey = "reminderInterval";
    private const string RemindersKey = "reminders";

    /// <summary>The internal ticket whose answer is awaited.</summary>
    [Input(Description = "The internal Usedesk ticket id; answers arrive as the usedesk-answer event correlated by it.", Required = true)]
    public Input<long> TicketId { get; set; } = new();

    /// <summary>How long between two reminders.</summary>
    [Input(Description = "How long between two reminders, such as 1.00:00:00 for 24 hours.", DefaultValue = "1.00:00:00")]
    public Input<TimeSpan> ReminderInterval { get; set; } = new();

    /// <summary>The reminder, in Russian.</summary>
    [Input(Description = "The reminder added to the ticket as an internal comment each interval, in Russian.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> ReminderText { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ticketId = context.Get(TicketId);
        if (ticketId <= 0)
        {
            return ValueTask.FromResult(UsedeskInputs.MissingTicket(ticketId));
        }

        var interval = context.Get(ReminderInterval);
        if (interval <= TimeSpan.Zero)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"The reminder interval must be positive, not {interval}.", retryable: false));
        }

        // Only a failed reminder makes a second attempt (arming the wait cannot fail otherwise): send it again at once
        // instead of skipping it for a whole interval.
        var firstReminder = context.Attempt > 1 ? context.Now : context.Now + interval;
        return ValueTask.FromResult(Wait(ticketId, interval, firstReminder, reminders: 0));
    }

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.DueAt is null)
        {
            context.SetResult(payload);
            return ActivityResult.Complete(IsAccepted(payload) ? AcceptedPort : RejectedPort);
        }

        var state = bookmark.Payload ?? [];
        var ticketId = ValueConverter.ConvertTo<long>(state.GetValueOrDefault(TicketKey));
        var interval = ValueConverter.ConvertTo<TimeSpan>(state.GetValueOrDefault(IntervalKey));
        var reminders = ValueConverter.ConvertTo<int>(state.GetValueOrDefault(RemindersKey)) + 1;
        var text = context.Get(ReminderText);
        return await IntegrationFailures.RunAsync(async () =>
        {
            await context.CallOutsideAsync(OutsideSystems.Usedesk, "remind the manager", new Dictionary<string, object?> { ["ticketId"] = ticketId, ["text"] = text ?? "" },
                () => context.GetRequiredService<UsedeskClient>().CommentAsync(
                    ticketId, text ?? "", isPublic: false, $"{context.IdempotencyKey}:reminder:{reminders.ToString(CultureInfo.InvariantCulture)}", context.CancellationToken),
                dryAnswer: null);
            context.WriteLine($"Reminder {reminders} added to ticket {ticketId}.");

            // From the due time rather than from now, so a late timer does not shift every later reminder.
            return Wait(ticketId, interval, bookmark.DueAt.Value + interval, reminders);
        });
    }

    private ActivityResult Wait(long ticketId, TimeSpan interval, DateTimeOffset nextReminder, int reminders)
    {
        var ticket = ticketId.ToString(CultureInfo.InvariantCulture);
        return ActivityResult.SuspendUntilFirst(
            new BookmarkRequest(AnswerEventName, ticket),
            new BookmarkRequest(Node.Type, DueAt: nextReminder, Payload: new Dictionary<string, object?>
            {
                [TicketKey] = ticketId,
                [IntervalKey] = interval.ToString("c", CultureInfo.InvariantCulture),
                [RemindersKey] = reminders,
            }));
    }

    private static bool IsAccepted(object? payload) =>
        payload is IDictionary<string, object?> answer && answer.TryGetValue("accepted", out var accepted) && accepted switch
        {
            bool flag => flag,
            string text => bool.TryParse(text.Trim(), out var flag) && flag,
            _ => false,
        };
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>
/// Creates an outgoing request in Usedesk, in the "Kitchen Lab" channel unless the definition names another: the
/// essence of a client's request sent to a responsible manager, with copies. Its result is the new ticket's id,
/// the internal ticket that then waits for the manager's answer.
/// </summary>
[Activity("KitchenLab.CreateOutgoingRequest", Category = KitchenLabActivityCategory.Name, DisplayName = "Create Outgoing Request",
    Description = "Create an outgoing request in the Kitchen Lab channel of Usedesk to a manager, with copies; result: the new ticket id.")]
public sealed class CreateOutgoingRequest : Activity
{
    /// <summary>The addressee.</summary>
    [Input(Description = "The addressee's email (the responsible manager).", Required = true)]
    public Input<string> To { get; set; } = new();

    /// <summary>Who gets a copy.</summary>
    [Input(Description = "Emails that get a copy, separated by commas or semicolons.")]
    public Input<string> Cc { get; set; } = new();

    /// <summary>The subject.</summary>
    [Input(Description = "The subject of the request.", Required = true)]
    public Input<string> Subject { get; set; } = new();

    /// <summary>The essence of the client's request.</summary>
    [Input(Description = "The essence of the client's request.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> Body { get; set; } = new();

    /// <summary>The channel; the configured Kitchen Lab channel when empty.</summary>
    [Input(Description = "The channel id; empty means the configured Kitchen Lab channel (Usedesk:KitchenLabChannelId).")]
    public Input<long?> ChannelId { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = context.Get(To)?.Trim();
        var subject = context.Get(Subject);
        var body = context.Get(Body);
        if (string.IsNullOrEmpty(to) || string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(body))
        {
            return ValueTask.FromResult(ActivityResult.Fault("An outgoing request needs an addressee, a subject and a body.", retryable: false));
        }

        var cc = (context.Get(Cc) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return IntegrationFailures.RunAsync(async () =>
        {
            var channelId = context.Get(ChannelId) ?? context.GetRequiredService<IOptions<UsedeskOptions>>().Value.KitchenLabChannelId;
            var ticketId = await context.CallOutsideAsync(OutsideSystems.Usedesk, "create an outgoing request",
                new Dictionary<string, object?> { ["channelId"] = channelId, ["to"] = to, ["cc"] = cc, ["subject"] = subject, ["body"] = body },
                () => context.GetRequiredService<UsedeskClient>().CreateOutgoingRequestAsync(
                    new UsedeskOutgoingRequest(channelId, to, cc, subject, body), context.IdempotencyKey, context.CancellationToken),
                dryAnswer: OutsideSystems.DryRunTicketId);
            context.SetResult(ticketId);
            return ActivityResult.Done;
        });
    }
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.KitchenLab.Phones;

namespace KitchenWorkflows.KitchenLab.Sms;

/// <summary>
/// Sends an SMS (the Kitchen Lab mailbox address to a caller, say) through the SMS gateway. The phone is
/// normalised to <c>+7XXXXXXXXXX</c>; a number that is not a Russian mobile one, or a message the gateway
/// refuses, faults the activity without retry. A gateway failure or an unreachable gateway is retried by the
/// activity's retry policy with the same idempotency key, so the client gets the message once.
/// </summary>
[Activity("KitchenLab.SendSms", Category = KitchenLabActivityCategory.Name, DisplayName = "Send SMS",
    Description = "Send an SMS to a Russian mobile number through the SMS gateway.")]
public sealed class SendSms : Activity
{
    /// <summary>The recipient's phone number.</summary>
    [Input(Description = "The recipient's Russian mobile number, such as +7 916 123-45-67 or 8 (916) 123-45-67.", Required = true)]
    public Input<string> Phone { get; set; } = new();

    /// <summary>The message text, in Russian as the script words it.</summary>
    [Input(Description = "The message text, in Russian as the script words it.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> Text { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phone = context.Get(Phone);
        if (!RussianPhoneNumber.TryNormalize(phone, out var to))
        {
            return ValueTask.FromResult(ActivityResult.Fault(
                $"'{phone}' is not a Russian phone number: expected +7, 7 or 8 and ten digits, such as +7 916 123-45-67.", retryable: false));
        }

        if (!RussianPhoneNumber.IsMobile(to))
        {
            return ValueTask.FromResult(ActivityResult.Fault($"{to} is not a mobile number (+79…); it cannot receive an SMS.", retryable: false));
        }

        var text = context.Get(Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.FromResult(ActivityResult.Fault("The SMS text is empty.", retryable: false));
        }

        return IntegrationFailures.RunAsync(async () =>
        {
            var messageId = await context.CallOutsideAsync(OutsideSystems.Sms, "send SMS", new Dictionary<string, object?> { ["to"] = to, ["text"] = text },
                () => context.GetRequiredService<SmsGatewayClient>().SendAsync(to, text, context.IdempotencyKey, context.CancellationToken), dryAnswer: null);
            context.SetResult(new Dictionary<string, object?> { ["to"] = to, ["messageId"] = messageId });
            return ActivityResult.Done;
        });
    }
}

using System.Security.Cryptography;
using System.Text;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;
using MimeKit;

namespace KitchenWorkflows.KitchenLab.Email;

/// <summary>
/// Sends a plain-text email through the configured SMTP server. Its Message-Id is derived from the execution's
/// idempotency key, so a retry sends a message with the same id that mail systems and people can recognise as
/// the same message. Bad addresses and permanent refusals fault without retry; a connection failure or a
/// temporary refusal is retried by the activity's retry policy.
/// </summary>
[Activity("KitchenLab.SendEmail", Category = KitchenLabActivityCategory.Name, DisplayName = "Send Email",
    Description = "Send a plain-text email over SMTP from the Kitchen Lab address.")]
public sealed class SendEmail : Activity
{
    /// <summary>The recipients.</summary>
    [Input(Description = "Recipients, separated by commas, such as manager@haieronline.ru, Name <name@haieronline.ru>.", Required = true)]
    public Input<string> To { get; set; } = new();

    /// <summary>Who gets a copy.</summary>
    [Input(Description = "Recipients of a copy, separated by commas.")]
    public Input<string> Cc { get; set; } = new();

    /// <summary>The subject.</summary>
    [Input(Description = "The subject.", Required = true)]
    public Input<string> Subject { get; set; } = new();

    /// <summary>The plain-text body.</summary>
    [Input(Description = "The plain-text body, in Russian as the script words it.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> Body { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var toText = context.Get(To);
        if (!TryParseAddresses(toText, out var to) || to.Count == 0)
        {
            return ValueTask.FromResult(ActivityResult.Fault($"'{toText}' is not a list of email addresses.", retryable: false));
        }

        var ccText = context.Get(Cc);
        if (!TryParseAddresses(ccText, out var cc))
        {
            return ValueTask.FromResult(ActivityResult.Fault($"'{ccText}' is not a list of email addresses.", retryable: false));
        }

        return IntegrationFailures.RunAsync(async () =>
        {
            var sender = context.GetRequiredService<SmtpEmailSender>();
            var from = sender.From;
            var message = new MimeMessage
            {
                Subject = context.Get(Subject) ?? "",
                Body = new TextPart("plain") { Text = context.Get(Body) ?? "" },
                MessageId = MessageIdFor(context.IdempotencyKey, from),
            };
            message.From.Add(from);
            message.To.AddRange(to);
            message.Cc.AddRange(cc);
            await context.CallOutsideAsync(OutsideSystems.Email, "send an e-mail",
                new Dictionary<string, object?> { ["from"] = from.ToString(), ["to"] = to.ToString(), ["cc"] = cc.ToString(), ["subject"] = message.Subject, ["body"] = context.Get(Body) ?? "" },
                () => sender.SendAsync(message, context.CancellationToken));
            context.SetResult(new Dictionary<string, object?> { ["messageId"] = message.MessageId });
            return ActivityResult.Done;
        });
    }

    /// <summary>The Message-Id of the execution with that key: a hash, since the key's characters are not all allowed there.</summary>
    internal static string MessageIdFor(string idempotencyKey, MailboxAddress from)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
        var domain = from.Domain is { Length: > 0 } d ? d : "kitchenworkflows.local";
        return $"kw-{hash[..32]}@{domain}";
    }

    private static bool TryParseAddresses(string? text, out InternetAddressList addresses)
    {
        addresses = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!InternetAddressList.TryParse(text, out var parsed))
        {
            return false;
        }

        addresses = parsed;
        return true;
    }
}

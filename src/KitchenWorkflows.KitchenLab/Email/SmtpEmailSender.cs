using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KitchenWorkflows.KitchenLab.Email;

/// <summary>
/// Sends messages through the configured SMTP server with MailKit, one connection per message (MailKit's
/// client is not thread-safe, and Kitchen Lab sends a few messages an hour).
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    /// <summary>The configured sender.</summary>
    /// <exception cref="IntegrationRejectedException">The configured sender is not an address.</exception>
    public MailboxAddress From =>
        MailboxAddress.TryParse(options.Value.From, out var from)
            ? from
            : throw new IntegrationRejectedException($"Smtp:From '{options.Value.From}' is not an email address.");

    /// <summary>Sends a message.</summary>
    /// <exception cref="IntegrationRejectedException">The server refused the message or the login for good (a 5xx reply, bad credentials).</exception>
    /// <exception cref="IOException">The connection failed; a retry may succeed. Other MailKit exceptions mean the same.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var client = new SmtpClient();
        try
        {
            var security = !settings.UseTls ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // 5xx replies are permanent (unknown mailbox, message refused); 4xx ones are temporary and propagate for a retry.
            throw new IntegrationRejectedException($"The mail server refused the message: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new IntegrationRejectedException($"The mail server refused the login of '{settings.User}': {ex.Message}", ex);
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Email;

/// <summary>The mail server Kitchen Lab sends through; bound from the <c>Smtp</c> section.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The server's host name.</summary>
    [Required]
    public string Host { get; set; } = "";

    /// <summary>The port: 587 for STARTTLS, 465 for TLS from the start, 25 for plain SMTP.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Whether to encrypt: TLS from the start on port 465, STARTTLS (required, never skipped) on any other port.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The login; no authentication when empty.</summary>
    public string? User { get; set; }

    /// <summary>The password; a secret, so it comes from the environment or user secrets.</summary>
    public string? Password { get; set; }

    /// <summary>The sender, such as <c>Haier Kitchen Lab &lt;kitchen-lab@haieronline.ru&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "";
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Sms;

/// <summary>Where the SMS gateway is and how to sign in to it; bound from the <c>Sms</c> section.</summary>
public sealed class SmsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Sms";

    /// <summary>The gateway's base URL.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The bearer token; a secret, so it comes from the environment or user secrets.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>The path of the send endpoint below <see cref="BaseUrl"/>.</summary>
    [Required]
    public string SendPath { get; set; } = "messages";
}

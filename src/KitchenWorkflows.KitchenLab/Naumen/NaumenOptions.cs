using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Naumen;

/// <summary>Where calls are registered in Naumen (the previous scheme only); bound from the <c>Naumen</c> section.</summary>
public sealed class NaumenOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Naumen";

    /// <summary>The base URL of the registration endpoint's service.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The path of the registration endpoint below <see cref="BaseUrl"/>.</summary>
    [Required]
    public string RequestsPath { get; set; } = "requests";

    /// <summary>A bearer token, when the endpoint wants one; a secret, so it comes from the environment or user secrets.</summary>
    public string? Token { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>How to reach Usedesk and the ids of the Kitchen Lab set-up there; bound from the <c>Usedesk</c> section.</summary>
public sealed class UsedeskOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Usedesk";

    /// <summary>The API's base URL; an on-premise Usedesk has its own.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.usedesk.ru/");

    /// <summary>The API channel's token; a secret, so it comes from the environment or user secrets.</summary>
    [Required]
    public string ApiToken { get; set; } = "";

    /// <summary>The id of the "Kitchen Lab" channel.</summary>
    [Range(1, long.MaxValue)]
    public long KitchenLabChannelId { get; set; }

    /// <summary>The id of the additional field that holds a ticket's category.</summary>
    [Range(1, long.MaxValue)]
    public long CategoryFieldId { get; set; }

    /// <summary>The category field's value for "Официальная претензия" (its text, or the option id of a list field).</summary>
    [Required]
    public string ClaimCategoryValue { get; set; } = "Официальная претензия";

    /// <summary>The id of the reclamations group that handles claims.</summary>
    [Range(1, long.MaxValue)]
    public long ReclamationsGroupId { get; set; }

    /// <summary>
    /// The agent on whose behalf replies, comments and outgoing requests are made; when unset, Usedesk picks
    /// the company's first user.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long? UserId { get; set; }

    /// <summary>The status ids.</summary>
    [Required]
    public UsedeskStatusIds Statuses { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Data annotations do not descend into nested objects by themselves.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Statuses, new ValidationContext(Statuses), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(r.ErrorMessage, [.. r.MemberNames.Select(m => $"{nameof(Statuses)}.{m}")]));
    }
}

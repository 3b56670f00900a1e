using System.ComponentModel.DataAnnotations;
using System.Reflection;
using KitchenWorkflows.KitchenLab.Email;
using KitchenWorkflows.KitchenLab.Naumen;
using KitchenWorkflows.KitchenLab.Sms;
using KitchenWorkflows.KitchenLab.Usedesk;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab;

/// <summary>
/// What ops read when an integration's settings are missing: which system, and which environment variables to set.
/// Both come from the options type of the validation failure (its required settings that have no default), not from
/// the validation message, which names C# members rather than what an administrator sets.
/// </summary>
internal static class IntegrationSettings
{
    private static readonly Dictionary<Type, (string System, string Section)> Integrations = new()
    {
        [typeof(SmsOptions)] = ("The SMS gateway", SmsOptions.SectionName),
        [typeof(UsedeskOptions)] = ("Usedesk", UsedeskOptions.SectionName),
        [typeof(NaumenOptions)] = ("Naumen", NaumenOptions.SectionName),
        [typeof(SmtpOptions)] = ("The mail server", SmtpOptions.SectionName),
    };

    /// <summary>"The SMS gateway is not configured: set Sms__BaseUrl and Sms__Token, then Retry."</summary>
    public static string Explain(OptionsValidationException exception)
    {
        var type = exception.OptionsType;
        var (system, section) = Integrations.TryGetValue(type, out var known) ? known : (type.Name, type.Name);
        var prefix = section.Replace(":", "__", StringComparison.Ordinal) + "__";
        List<string> variables = [.. RequiredWithoutDefault(type).Select(name => prefix + name)];
        return variables.Count == 0
            ? $"{system} is not configured correctly: check the {prefix}… settings, then Retry."
            : $"{system} is not configured: set {Enumerate(variables)}, then Retry.";
    }

    // The settings an administrator must give: required, and empty unless set.
    private static IEnumerable<string> RequiredWithoutDefault(Type type)
    {
        var defaults = Activator.CreateInstance(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && p.GetValue(defaults) is null or "")
            .Select(p => p.Name);
    }

    private static string Enumerate(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";
}

using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace KitchenWorkflows.Engine.Privacy;

/// <summary>
/// Masks personal data (phones, e-mail addresses, names, addresses) for logs and for readers who do not need it.
/// Two rules: a value under a personal key (<see cref="IsPersonalKey"/>: <c>phone</c>, <c>email</c>, <c>name</c>,
/// <c>clientName</c>, <c>clientAddress</c> …) is masked whole, at any depth; and in every other string, whatever
/// looks like a phone number or an e-mail address is masked where it stands. Phones keep the country code, the
/// first digit and the last two (<c>+7 9** *** ** 67</c>), e-mails the first character and the domain
/// (<c>i***@example.ru</c>), names and addresses the first letter of each word (<c>И*** П***</c>).
/// </summary>
public static partial class PersonalDataMasker
{
    private const string Stars = "***";

    private static readonly HashSet<string> PersonalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "phone", "phoneNumber", "mobile", "clientPhone", "customerPhone", "contactPhone",
        "email", "clientEmail", "customerEmail", "contactEmail",
        "name", "fullName", "firstName", "lastName", "middleName", "patronymic", "clientName", "customerName", "contactName",
        "address", "clientAddress", "customerAddress",
    };

    /// <summary>Whether a value stored under this key (an input, variable, output or JSON property name) is personal data.</summary>
    public static bool IsPersonalKey(string? key) => key is not null && PersonalKeys.Contains(key);

    /// <summary>The text with every phone number and e-mail address in it masked; null stays null.</summary>
    public static string? MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = EmailPattern().Replace(text, m => MaskEmail(m.Value));
        return PhonePattern().Replace(masked, m => MaskPhone(m.Value));
    }

    /// <summary>
    /// A plain value (strings, numbers, dictionaries, lists) with personal data masked: whole values under personal keys,
    /// phones and e-mails inside any other string. Returns new collections; the value given is not changed.
    /// </summary>
    public static object? MaskValue(object? value, string? key = null) => Mask(value, IsPersonalKey(key));

    /// <summary>Every value of a dictionary masked by <see cref="MaskValue"/>, each under its own key.</summary>
    public static Dictionary<string, object?> MaskDictionary(IEnumerable<KeyValuePair<string, object?>> values) =>
        values.ToDictionary(p => p.Key, p => Mask(p.Value, IsPersonalKey(p.Key)), StringComparer.Ordinal);

    // personal: the value lies under a personal key (at any depth), so all of it is masked, not only what looks like a phone.
    private static object? Mask(object? value, bool personal) => value switch
    {
        null => null,
        IDictionary<string, object?> dictionary => dictionary.ToDictionary(p => p.Key, p => Mask(p.Value, personal || IsPersonalKey(p.Key)), StringComparer.Ordinal),
        IList list => list.Cast<object?>().Select(item => Mask(item, personal)).ToList(),
        string text => personal ? MaskWhole(text) : MaskText(text),
        bool => value,
        // A phone kept as a number (79165551234) under a personal key.
        _ when personal => MaskWhole(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        _ => value,
    };

    private static string MaskWhole(string text)
    {
        if (PhonePattern().IsMatch(text) || EmailPattern().IsMatch(text))
        {
            return MaskText(text)!;
        }

        // A name or an address: the first letter of each word stays, so that a reader can tell two records apart.
        var builder = new StringBuilder(text.Length);
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    builder.Append(c).Append(Stars);
                }

                inWord = true;
            }
            else
            {
                builder.Append(c);
                inWord = false;
            }
        }

        return builder.ToString();
    }

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email[0] + Stars + email[at..];
    }

    private static string MaskPhone(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length < 7)
        {
            return phone;
        }

        if (digits.Length == 11 && digits[0] is '7' or '8')
        {
            return $"+7 {digits[1]}** *** ** {digits[^2..]}";
        }

        return "+" + digits[0] + new string('*', digits.Length - 3) + digits[^2..];
    }

    // An e-mail address: local part, @, a domain with a dot.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // A Russian number written any usual way (+7 916 555-12-34, 8 (916) 555-12-34, 89165551234), or any number in
    // international form (+44 20 7946 0958). Not inside a longer run of letters or digits, so ids and hashes are left alone.
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+7|8|7)[\s\-]?\(?\d{3}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}|\+\d{1,3}(?:[\s\-]?\(?\d{1,4}\)?){2,5}\d)(?![\w])")]
    private static partial Regex PhonePattern();
}

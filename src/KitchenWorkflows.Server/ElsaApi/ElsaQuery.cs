using System.Globalization;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Query values as Elsa's API reads them. They are bound as text and parsed here, so that a wrong value is a 400 on
/// its own field rather than a binding failure that names none.
/// </summary>
internal static class ElsaQuery
{
    /// <summary>Elsa's paging: <c>page</c> from 0 and <c>pageSize</c>; without both, every row.</summary>
    /// <returns>Rows to skip and to take (null: all), or null when an error was added.</returns>
    public static (int Skip, int? Take)? Paging(string? page, string? pageSize, Dictionary<string, string[]> errors)
    {
        int? number = null, size = null;
        if (page is not null && (number = WholeNumber(page)) is null)
        {
            errors["page"] = ["Pages are whole numbers from 0."];
        }

        if (pageSize is not null && ((size = WholeNumber(pageSize)) is null or 0))
        {
            errors["pageSize"] = ["The page size is a whole number from 1."];
        }

        if (errors.ContainsKey("page") || errors.ContainsKey("pageSize"))
        {
            return null;
        }

        return number is { } p && size is { } s ? ((int)Math.Min((long)p * s, int.MaxValue), s) : (0, null);
    }

    /// <summary>An enum by name (any case); null text gives null.</summary>
    public static bool TryEnum<T>(string? text, string field, Dictionary<string, string[]> errors, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(text.Trim()[0]))
        {
            value = parsed;
            return true;
        }

        errors[field] = [$"Use one of {string.Join(", ", Enum.GetNames<T>())}."];
        return false;
    }

    /// <summary>A true/false value (any case); null text gives null.</summary>
    public static bool? Boolean(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors[field] = ["Use true or false."];
        return null;
    }

    /// <summary>A count such as <c>skip</c> or <c>take</c>, a whole number from 0; null text gives null.</summary>
    public static int? Count(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (WholeNumber(text) is { } value)
        {
            return value;
        }

        errors[field] = ["Use a whole number from 0."];
        return null;
    }

    private static int? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

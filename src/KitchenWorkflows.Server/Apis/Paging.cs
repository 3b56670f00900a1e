using System.Globalization;

namespace KitchenWorkflows.Server.Apis;

/// <summary>The <c>page</c> and <c>pageSize</c> of a list endpoint's query string, read one way everywhere.</summary>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">The page size, from 1 to the endpoint's maximum.</param>
internal readonly record struct Paging(int Page, int PageSize)
{
    /// <summary>The page size when the query names none.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// Reads the two values, each absent for its default (page 1, <see cref="DefaultPageSize"/>). They are bound as text,
    /// so that "abc" or "1e3" is a 400 on its own field like "0" is, rather than a binding failure that names none.
    /// </summary>
    /// <returns>The paging, or null when an error was added to <paramref name="errors"/> (keyed <c>page</c> or <c>pageSize</c>).</returns>
    public static Paging? Read(string? page, string? pageSize, int maxPageSize, Dictionary<string, string[]> errors)
    {
        int? number = WholeNumberOr(page, 1) is { } n && n >= 1 ? n : null;
        if (number is null)
        {
            errors["page"] = ["Pages are whole numbers from 1."];
        }

        int? size = WholeNumberOr(pageSize, DefaultPageSize) is { } s && s >= 1 && s <= maxPageSize ? s : null;
        if (size is null)
        {
            errors["pageSize"] = [$"The page size must be a whole number from 1 to {maxPageSize}."];
        }

        return number is { } validPage && size is { } validSize ? new Paging(validPage, validSize) : null;
    }

    private static int? WholeNumberOr(string? text, int fallback) =>
        text is null ? fallback : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

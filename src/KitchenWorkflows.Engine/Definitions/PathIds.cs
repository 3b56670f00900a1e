using System.Buffers;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// The one rule for ids that become part of a URL path (a definition's id, and ids a client chooses that are read back
/// by path): 1 to <see cref="MaxLength"/> ASCII letters, digits, '-', '_' and '.', beginning with a letter or digit.
/// Such an id needs no escaping, cannot be a path segment such as <c>..</c>, and carries no control or bidirectional
/// characters; Elsa's ids (hex strings and kebab-case names) all pass.
/// </summary>
public static class PathIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 100;

    /// <summary>The rule, for error messages.</summary>
    public const string Rule = "1 to 100 ASCII letters, digits, '-', '_' or '.', beginning with a letter or digit";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>Whether <paramref name="id"/> follows the rule.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterOrDigit(id[0]) && !id.AsSpan().ContainsAnyExcept(Allowed);
}

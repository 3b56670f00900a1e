using System.Globalization;
using KitchenWorkflows.Persistence.Definitions;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's <c>versionOptions</c> query value (<c>Latest</c>, <c>Published</c>, … or a version number) read as a <see cref="VersionSelector"/>.</summary>
internal static class ElsaVersionOptions
{
    /// <summary>Reads the value; null or blank gives <paramref name="fallback"/>.</summary>
    /// <returns>The selector, or null (with an error under <c>versionOptions</c>) when the value names none.</returns>
    public static VersionSelector? Read(string? value, VersionSelector? fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        VersionSelector? selector = value.Trim() switch
        {
            "Latest" => VersionSelector.Latest,
            "Published" => VersionSelector.Published,
            "LatestOrPublished" => new(VersionSelectorKind.LatestOrPublished),
            "LatestAndPublished" => new(VersionSelectorKind.LatestAndPublished),
            "Draft" => new(VersionSelectorKind.Draft),
            "AllVersions" => new(VersionSelectorKind.All),
            var number when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => new(VersionSelectorKind.Specific, n),
            _ => null,
        };
        if (selector is null)
        {
            errors["versionOptions"] = ["Use Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number."];
        }

        return selector;
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// Elsa's rule for a workflow used as an activity: a definition whose <c>options.usableAsActivity</c> is true is an
/// activity type named after the definition's name in Pascal case (Humanizer's <c>Pascalize</c>, which Elsa uses:
/// "Subworkflow test" is <c>SubworkflowTest</c>).
/// </summary>
public static partial class UsableAsActivity
{
    /// <summary>The activity type name of the definition; null when it is not usable as an activity (or has no name).</summary>
    public static string? TypeNameOf(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var usable = definition.Extensions["options"] is JsonObject options
            && options["usableAsActivity"] is JsonValue flag && flag.TryGetValue(out bool value) && value;
        return usable && !string.IsNullOrWhiteSpace(definition.Name) ? Pascalize(definition.Name) : null;
    }

    /// <summary>Humanizer's Pascalize: a letter at the start or after spaces, underscores or dashes becomes upper case, the separators go.</summary>
    public static string Pascalize(string name) =>
        WordStart().Replace(name, match => match.Groups[1].Value.ToUpperInvariant());

    [GeneratedRegex("(?:[ _-]+|^)([a-zA-Z])")]
    private static partial Regex WordStart();
}

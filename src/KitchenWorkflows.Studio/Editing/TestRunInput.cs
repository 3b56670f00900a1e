using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// The test run's input JSON following the workflow's declared inputs: a renamed input keeps its value under its new
/// name, a new one appears empty, a removed one goes; keys the user added that were never declared stay. Without it
/// the dialog kept offering the names it was first opened with.
/// </summary>
public static class TestRunInput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <paramref name="input"/> with the keys of <paramref name="before"/> replaced by those of <paramref name="after"/>
    /// (an input at the same place under another name is a rename); unchanged when it is not a JSON object, which the
    /// user is still typing.
    /// </summary>
    public static string Follow(string input, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        JsonObject current;
        try
        {
            if (JsonNode.Parse(input) is not JsonObject parsed)
            {
                return input;
            }

            current = parsed;
        }
        catch (JsonException)
        {
            return input;
        }

        var next = new JsonObject();
        for (var i = 0; i < after.Count; i++)
        {
            var renamedFrom = before.Count == after.Count && !after.Contains(before[i]) ? before[i] : null;
            var value = current[after[i]] ?? (renamedFrom is null ? null : current[renamedFrom]);
            next[after[i]] = value?.DeepClone() ?? JsonValue.Create("");
        }

        foreach (var (key, value) in current)
        {
            if (!before.Contains(key) && !after.Contains(key))
            {
                next[key] = value?.DeepClone();
            }
        }

        return next.ToJsonString(Indented);
    }
}

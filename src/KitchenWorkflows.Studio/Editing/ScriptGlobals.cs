using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// The globals a workflow's JavaScript sees (Elsa 3's, as the engine's JavaScriptEvaluator defines them), written as
/// TypeScript declarations for the code editor: completion offers them, with this definition's variable, input and
/// activity names as the choices of their string arguments and a <c>getX()</c>/<c>setX()</c> pair per variable.
/// </summary>
public static partial class ScriptGlobals
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Declarations(WorkflowDefinition definition)
    {
        var variables = definition.Variables.Select(v => v.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var inputs = definition.Inputs.Select(i => i.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var activities = definition.Root.Activities.Select(a => a.Id).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine("/** The value of a workflow variable. */")
            .AppendLine($"declare function getVariable(name: {Names(variables)}): any;")
            .AppendLine("/** Sets a workflow variable. */")
            .AppendLine($"declare function setVariable(name: {Names(variables)}, value: any): void;")
            .AppendLine("/** An input the workflow was started with. */")
            .AppendLine($"declare function getInput(name: {Names(inputs)}): any;")
            .AppendLine("/** An output of an activity that has run, by the activity's id. */")
            .AppendLine($"declare function getOutputFrom(activityId: {Names(activities)}, outputName?: string): any;")
            .AppendLine("/** The result of the activity that ran last. */")
            .AppendLine("declare function getLastResult(): any;")
            .AppendLine("declare function getWorkflowInstanceId(): string;")
            .AppendLine("declare function getCorrelationId(): string | null;")
            .AppendLine("declare function setCorrelationId(value: string): void;")
            .AppendLine("/** Sets an instance tag; an empty value removes it. */")
            .AppendLine("declare function setTag(name: string, value: string): void;");
        foreach (var variable in variables.Where(v => Identifier().IsMatch(v)))
        {
            text.AppendLine($"/** The variable {variable}. */")
                .AppendLine($"declare function get{variable}(): any;")
                .AppendLine($"declare function set{variable}(value: any): void;");
        }

        return text.ToString();
    }

    // A union of the known names as string literals (completion offers them inside the quotes); any string is
    // still accepted, so a name declared later is not flagged.
    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 0 ? "string" : string.Join(" | ", names.Select(n => JsonSerializer.Serialize(n, Relaxed))) + " | (string & {})";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}

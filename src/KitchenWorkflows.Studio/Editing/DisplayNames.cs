using System.Globalization;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// Where a validation error is, in the names ops see: the activity by its title on the canvas and the input by its
/// label (<c>$.root.activities[3].text</c> → "Скрипт оператора · Text"), a variable or a workflow input by its name.
/// The JSON path stays on the error for whoever needs it.
/// </summary>
public sealed partial class DisplayNames(WorkflowDefinition definition, IReadOnlyDictionary<string, ActivityTypeInfo> types)
{
    /// <summary>What the error is about, as the Studio names it.</summary>
    public string Of(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.ActivityId is not null)
        {
            var activity = definition.Root.Activities.FirstOrDefault(a => a.Id == error.ActivityId);
            var name = activity?.DisplayText ?? error.ActivityId;
            return error.Input is null ? name : $"{name} · {InputLabel(activity, error.Input)}";
        }

        if (Declared().Match(error.Path) is { Success: true } declared)
        {
            var index = int.Parse(declared.Groups["index"].Value, CultureInfo.InvariantCulture);
            var (kind, names) = declared.Groups["list"].Value switch
            {
                "variables" => ("Variable", definition.Variables.Select(v => v.Name).ToList()),
                "inputs" => ("Workflow input", definition.Inputs.Select(i => i.Name).ToList()),
                _ => ("Workflow output", definition.Outputs.Select(o => o.Name).ToList()),
            };
            return index < names.Count && names[index].Length > 0 ? $"{kind} '{names[index]}'" : kind;
        }

        return "Workflow";
    }

    private string InputLabel(ActivityNode? activity, string input) =>
        activity is not null && types.TryGetValue(activity.Type, out var type)
            && type.Inputs.FirstOrDefault(i => string.Equals(i.Name, input, StringComparison.OrdinalIgnoreCase)) is { } info
            ? info.DisplayName
            : input;

    [GeneratedRegex(@"^\$\.(?<list>variables|inputs|outputs)\[(?<index>\d+)\]")]
    private static partial Regex Declared();
}

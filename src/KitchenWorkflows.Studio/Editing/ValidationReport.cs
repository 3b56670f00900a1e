using System.Globalization;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// The server's validation errors placed where they belong: on an activity and, when the path names
/// one, on its input (<c>$.root.activities[3].text.expression.value</c> → activity 3, input <c>text</c>);
/// connection errors (<c>$.root.connections[2].source.port</c>) on the connection and on its source activity;
/// everything else (variables, the start) in the general list.
/// </summary>
public sealed partial class ValidationReport
{
    public static readonly ValidationReport Empty = new([], [], []);

    private ValidationReport(List<FieldError> activityErrors, Dictionary<int, List<string>> connectionErrors, List<FieldError> generalErrors)
    {
        ActivityErrors = activityErrors;
        ConnectionErrors = connectionErrors;
        GeneralErrors = generalErrors;
    }

    /// <summary>Errors of activities, by activity id and input name (null input: the activity as a whole).</summary>
    public IReadOnlyList<FieldError> ActivityErrors { get; }

    /// <summary>Errors of connections, by index in <c>root.connections</c>.</summary>
    public IReadOnlyDictionary<int, List<string>> ConnectionErrors { get; }

    /// <summary>Errors that belong to no activity or connection, with their JSON path.</summary>
    public IReadOnlyList<FieldError> GeneralErrors { get; }

    public bool HasErrors => ActivityErrors.Count > 0 || ConnectionErrors.Count > 0 || GeneralErrors.Count > 0;

    public int Count => ActivityErrors.Count + ConnectionErrors.Values.Sum(v => v.Count) + GeneralErrors.Count;

    /// <summary>Places errors keyed by JSON path against the definition that was sent.</summary>
    public static ValidationReport From(WorkflowDefinition sent, IReadOnlyDictionary<string, string[]> errors)
    {
        var activityErrors = new List<FieldError>();
        var connectionErrors = new Dictionary<int, List<string>>();
        var general = new List<FieldError>();
        foreach (var (path, messages) in errors)
        {
            foreach (var message in messages)
            {
                if (ActivityPath().Match(path) is { Success: true } a && Index(a) < sent.Root.Activities.Count)
                {
                    var input = a.Groups["field"].Success ? a.Groups["field"].Value : null;
                    activityErrors.Add(new FieldError(sent.Root.Activities[Index(a)].Id, input, path, message));
                }
                else if (ConnectionPath().Match(path) is { Success: true } c && Index(c) < sent.Root.Connections.Count)
                {
                    var connection = sent.Root.Connections[Index(c)];
                    if (!connectionErrors.TryGetValue(Index(c), out var list))
                    {
                        connectionErrors[Index(c)] = list = [];
                    }

                    list.Add(message);
                    activityErrors.Add(new FieldError(connection.Source, null, path, $"Outcome '{connection.SourcePort}': {message}"));
                }
                else
                {
                    general.Add(new FieldError(null, null, path, message));
                }
            }
        }

        return new ValidationReport(activityErrors, connectionErrors, general);
    }

    public IReadOnlyList<string> ForActivity(string activityId) =>
        [.. ActivityErrors.Where(e => e.ActivityId == activityId).Select(e => e.Input is null ? e.Message : $"{e.Input}: {e.Message}")];

    public IReadOnlyList<string> ForInput(string activityId, string input) =>
        [.. ActivityErrors.Where(e => e.ActivityId == activityId && string.Equals(e.Input, input, StringComparison.OrdinalIgnoreCase)).Select(e => e.Message)];

    private static int Index(Match match) => int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\$\.root\.activities\[(?<index>\d+)\](?:\.(?<field>[A-Za-z_][A-Za-z0-9_]*))?")]
    private static partial Regex ActivityPath();

    [GeneratedRegex(@"^\$\.root\.connections\[(?<index>\d+)\]")]
    private static partial Regex ConnectionPath();
}

/// <summary>One placed validation error.</summary>
/// <param name="ActivityId">The activity it belongs to, if any.</param>
/// <param name="Input">The input (or other property) of the activity, if the path names one.</param>
/// <param name="Path">The JSON path the server gave.</param>
/// <param name="Message">What is wrong.</param>
public sealed record FieldError(string? ActivityId, string? Input, string Path, string Message);

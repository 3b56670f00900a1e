using MudBlazor;

namespace KitchenWorkflows.Studio.Components.Shared;

/// <summary>The icon of an activity type on the canvas and in the palette: by type where it is well known, else by category.</summary>
public static class ActivityIcons
{
    public static string For(string typeName, string? category) => typeName switch
    {
        "Elsa.Start" => Icons.Material.Filled.PlayArrow,
        "Elsa.Finish" or "Elsa.End" => Icons.Material.Filled.Stop,
        "Elsa.WriteLine" => Icons.Material.Filled.Notes,
        "Elsa.SetOutput" => Icons.Material.Filled.Output,
        "Elsa.SetVariable" => Icons.Material.Filled.DataObject,
        "Elsa.FlowSwitch" => Icons.Material.Filled.AltRoute,
        "Elsa.FlowDecision" => Icons.Material.Filled.CallSplit,
        "Elsa.Event" or "Elsa.PublishEvent" => Icons.Material.Filled.Bolt,
        "Elsa.Delay" or "Elsa.Timer" or "Elsa.Cron" => Icons.Material.Filled.Schedule,
        "Elsa.RunJavaScript" => Icons.Material.Filled.Code,
        "Elsa.SendHttpRequest" => Icons.Material.Filled.Http,
        "Elsa.Fault" => Icons.Material.Filled.ErrorOutline,
        _ when typeName.StartsWith("KitchenLab.", StringComparison.Ordinal) => Icons.Material.Filled.Kitchen,
        _ => category switch
        {
            "Branching" => Icons.Material.Filled.CallSplit,
            "Timing" or "Scheduling" => Icons.Material.Filled.Schedule,
            // Published workflows usable as activities (the server's category for them).
            "Workflows" => Icons.Material.Filled.Schema,
            _ => Icons.Material.Filled.Widgets,
        },
    };
}

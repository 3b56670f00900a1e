using System.Text.Json.Nodes;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests;

/// <summary>Builds Elsa 3 JSON with structured activities: activities nested in others, roots that are no flowchart.</summary>
internal static class NestedWorkflows
{
    public static JsonObject Definition(JsonObject root, JsonArray? variables = null, string definitionId = "nested") => new()
    {
        ["id"] = definitionId + "-v1",
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = 1,
        ["variables"] = variables ?? [],
        ["root"] = root,
    };

    public static JsonObject Sequence(string id, params JsonObject[] activities) =>
        Activity(id, "Elsa.Sequence", ("activities", new JsonArray([.. activities])));

    public static JsonObject Parallel(string id, params JsonObject[] activities) =>
        Activity(id, "Elsa.Parallel", ("activities", new JsonArray([.. activities])));

    public static JsonObject Flowchart(string id, JsonObject[] activities, params JsonObject[] connections) =>
        Activity(id, "Elsa.Flowchart", ("activities", new JsonArray([.. activities])), ("connections", new JsonArray([.. connections])));

    public static JsonObject ForEach(string id, string itemsScript, JsonObject body) =>
        Activity(id, "Elsa.ForEach", ("items", Input("JavaScript", itemsScript)), ("body", body));

    public static JsonObject Line(string id, string script) => WriteLine(id, "JavaScript", script);

    public static JsonObject Text(string id, string text) => WriteLine(id, "Literal", text);

    public static JsonObject Wait(string id, string eventName) =>
        Activity(id, "Elsa.Event", ("eventName", Input("Literal", eventName, "String")));

    public static JsonObject If(string id, string condition, JsonObject? then, JsonObject? @else = null)
    {
        var node = Activity(id, "Elsa.If", ("condition", Input("JavaScript", condition, "Boolean")));
        if (then is not null)
        {
            node["then"] = then;
        }

        if (@else is not null)
        {
            node["else"] = @else;
        }

        return node;
    }

    public static string Json(JsonObject definition) => definition.ToJsonString();
}

using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Tests;

/// <summary>
/// Builds small definitions in Elsa 3's JSON shape, so a test shows only the activities it is about:
/// <c>Start1 → first → second → …</c>, each joined through <c>Done</c> with nested connections.
/// </summary>
internal static class TinyWorkflows
{
    /// <summary>A definition whose activities run one after the other from an <c>Elsa.Start</c>.</summary>
    public static JsonObject Chain(JsonArray variables, params JsonObject[] activities)
    {
        var ids = new List<string> { "Start1" };
        ids.AddRange(activities.Select(a => (string)a["id"]!));
        var connections = new JsonArray();
        for (var i = 1; i < ids.Count; i++)
        {
            connections.Add(Connection(ids[i - 1], "Done", ids[i]));
        }

        return new JsonObject
        {
            ["id"] = "tiny-v1",
            ["definitionId"] = "tiny",
            ["name"] = "Tiny",
            ["version"] = 1,
            ["variables"] = variables,
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["activities"] = new JsonArray([Activity("Start1", "Elsa.Start"), .. activities]),
                ["connections"] = connections,
            },
        };
    }

    /// <summary>A chain without variables.</summary>
    public static JsonObject Chain(params JsonObject[] activities) => Chain([], activities);

    /// <summary>An activity with the given properties (inputs and anything else).</summary>
    public static JsonObject Activity(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties)
        {
            activity[name] = value;
        }

        return activity;
    }

    /// <summary>An input the way Elsa writes it.</summary>
    public static JsonObject Input(string syntax, JsonNode? value, string typeName = "Object") => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };

    /// <summary>A variable declaration; Elsa writes initial values as strings.</summary>
    public static JsonObject Variable(string name, string typeName, JsonNode? value = null, string? id = null)
    {
        var variable = new JsonObject { ["id"] = id ?? name + "-id", ["name"] = name, ["typeName"] = typeName, ["isArray"] = false };
        if (value is not null)
        {
            variable["value"] = value;
        }

        return variable;
    }

    /// <summary>A nested (Elsa 3.1+) connection.</summary>
    public static JsonObject Connection(string source, string sourcePort, string target, string targetPort = "In") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = sourcePort },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = targetPort },
    };

    public static JsonObject WriteLine(string id, string syntax, string text) =>
        Activity(id, "Elsa.WriteLine", ("text", Input(syntax, text, "String")));

    public static JsonObject SetVariable(string id, string variable, string syntax, JsonNode? value) =>
        Activity(id, "Elsa.SetVariable", ("variable", new JsonObject { ["name"] = variable }), ("value", Input(syntax, value)));

    public static JsonObject SetOutput(string id, string name, string syntax, JsonNode? value) =>
        Activity(id, "Elsa.SetOutput", ("outputName", Input("Literal", name, "String")), ("outputValue", Input(syntax, value)));

    public static JsonObject Decision(string id, string syntax, string condition) =>
        Activity(id, "Elsa.FlowDecision", ("condition", Input(syntax, condition, "Boolean")));
}

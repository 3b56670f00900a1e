using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>Definitions built in code: a script, an HTTP request or a long chain, each after an Elsa.Start.</summary>
internal static class HostileDefinitions
{
    public static JsonObject Script(string definitionId, string script) =>
        Chain(definitionId, Activity("script", "Elsa.RunJavaScript", ("script", Literal(script))));

    public static JsonObject HttpRequest(string definitionId, string url) =>
        Chain(definitionId, Activity("http", "Elsa.SendHttpRequest", ("url", Literal(url)), ("method", Literal("POST")),
            ("content", new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = new JsonObject { ["phone"] = "+79165551267" } } })));

    public static JsonObject WriteLines(string definitionId, int count) =>
        Chain(definitionId, [.. Enumerable.Range(1, count).Select(i => Activity($"line{i}", "Elsa.WriteLine", ("text", Literal($"line {i}"))))]);

    public static JsonObject Chain(string definitionId, params JsonObject[] activities)
    {
        var all = new JsonArray([Activity("start", "Elsa.Start"), .. activities]);
        var connections = new JsonArray();
        for (var i = 1; i < all.Count; i++)
        {
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = (string)all[i - 1]!["id"]!, ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = (string)all[i]!["id"]!, ["port"] = "In" },
            });
        }

        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = "Hostile " + definitionId,
            ["root"] = new JsonObject { ["id"] = "flow", ["type"] = "Elsa.Flowchart", ["activities"] = all, ["connections"] = connections },
        };
    }

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Literal(string value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    /// <summary>A JSON value nested <paramref name="depth"/> levels deep: {"a":{"a":…}}.</summary>
    public static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}

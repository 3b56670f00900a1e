using System.Text.Json.Nodes;

namespace KitchenWorkflows.KitchenLab.Tests;

/// <summary>Builds flowchart definitions in Elsa 3's JSON shape, so a test's graph reads as activities and connections.</summary>
internal sealed class TestFlow(string definitionId)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];

    public string DefinitionId => definitionId;

    public static JsonObject Literal(object? value) => Expression("Literal", JsonValue.Create(value));

    public static JsonObject Js(string script) => Expression("JavaScript", JsonValue.Create(script));

    /// <summary>A retry policy: <paramref name="maxAttempts"/> executions in all, the first retry after <paramref name="initialDelaySeconds"/>.</summary>
    public static (string, JsonNode?) Retry(int maxAttempts, int initialDelaySeconds) =>
        ("retryPolicy", new JsonObject { ["maxAttempts"] = maxAttempts, ["initialDelay"] = initialDelaySeconds, ["backoffMultiplier"] = 2 });

    public TestFlow Add(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties)
        {
            activity[name] = value;
        }

        _activities.Add(activity);
        return this;
    }

    public TestFlow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Start, then the given activity: the shape of most tests here.</summary>
    public static TestFlow Single(string definitionId, string type, params (string Name, JsonNode? Value)[] properties) =>
        new TestFlow(definitionId).Add("start", "Elsa.Start").Add("act", type, properties).Connect("start", "act");

    public string Json => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["version"] = 1,
        ["name"] = definitionId,
        ["root"] = new JsonObject
        {
            ["id"] = "root",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    }.ToJsonString();

    private static JsonObject Expression(string type, JsonNode? value) => new()
    {
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };
}

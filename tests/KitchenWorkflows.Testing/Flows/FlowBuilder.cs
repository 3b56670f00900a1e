using System.Text.Json.Nodes;

namespace KitchenWorkflows.Testing;

/// <summary>
/// Builds flowchart definitions in Elsa 3's JSON shape for tests, so a graph reads as a list of
/// activities and connections instead of a page of JSON.
/// </summary>
public sealed class FlowBuilder(string definitionId = "test-flow", int version = 1)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];

    public string DefinitionId => definitionId;

    /// <summary>An input bound to a literal.</summary>
    public static JsonObject Literal(object? value) => Expression("Literal", value is JsonNode node ? node : JsonValue.Create(value));

    /// <summary>An input bound to a JavaScript expression.</summary>
    public static JsonObject Js(string script) => Expression("JavaScript", JsonValue.Create(script));

    /// <summary>A <c>customProperties</c> object marking a trigger that can start the workflow.</summary>
    public static (string, JsonNode?) CanStartWorkflow => ("customProperties", new JsonObject { ["canStartWorkflow"] = true });

    /// <summary>A <c>customProperties</c> object with a merge mode.</summary>
    public static (string, JsonNode?) MergeMode(string mode) => ("customProperties", new JsonObject { ["mergeMode"] = mode });

    /// <summary>A retry policy: <paramref name="maxAttempts"/> executions in all, the first retry after <paramref name="initialDelaySeconds"/>.</summary>
    public static (string, JsonNode?) Retry(int maxAttempts, int initialDelaySeconds) =>
        ("retryPolicy", new JsonObject { ["maxAttempts"] = maxAttempts, ["initialDelay"] = initialDelaySeconds, ["backoffMultiplier"] = 2 });

    /// <summary>Start, then the given activity (id <c>act</c>): the shape of most single-activity tests.</summary>
    public static FlowBuilder Single(string definitionId, string type, params (string Name, JsonNode? Value)[] properties) =>
        new FlowBuilder(definitionId).Add("start", "Elsa.Start").Add("act", type, properties).Chain("start", "act");

    /// <summary>A loop without a wait: Start, then WriteLines <c>a</c> and <c>b</c> in a cycle, run until the execution cap faults it.</summary>
    public static FlowBuilder LoopWithoutAWait(string definitionId) => new FlowBuilder(definitionId)
        .Add("start", "Elsa.Start")
        .Add("a", "Elsa.WriteLine", ("text", Literal("a")))
        .Add("b", "Elsa.WriteLine", ("text", Literal("b")))
        .Chain("start", "a", "b")
        .Connect("b", "a");

    public FlowBuilder Variable(string name, string typeName, object? value = null)
    {
        _variables.Add(new JsonObject
        {
            ["id"] = "var-" + name,
            ["name"] = name,
            ["typeName"] = typeName,
            ["value"] = value is null ? null : JsonValue.Create(value),
        });
        return this;
    }

    public FlowBuilder Add(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties)
        {
            activity[name] = value;
        }

        _activities.Add(activity);
        return this;
    }

    public FlowBuilder Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Connects each activity to the next through <c>Done</c>.</summary>
    public FlowBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public string Json => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["version"] = version,
        ["name"] = definitionId,
        ["variables"] = _variables.DeepClone(),
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
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value?.DeepClone() },
    };
}

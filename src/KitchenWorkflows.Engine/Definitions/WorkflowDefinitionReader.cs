using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>
/// Reads Elsa 3 workflow definition JSON into a <see cref="WorkflowDefinition"/>. Lenient about what
/// is missing (the validator reports that with paths) and strict about wrong JSON types, which it
/// reports all at once with their paths. Accepts both connection shapes Elsa 3 has written.
/// </summary>
internal sealed class WorkflowDefinitionReader
{
    private static readonly HashSet<string> DefinitionProperties =
        ["id", "definitionId", "name", "description", "version", "isLatest", "isPublished", "variables", "inputs", "outputs", "root"];

    private static readonly HashSet<string> RootProperties = ["id", "type", "version", "start", "activities", "connections"];

    private static readonly HashSet<string> ActivityProperties =
        ["id", "type", "version", "name", "customProperties", "metadata", "retryPolicy"];

    private readonly List<ValidationError> _errors = [];

    public static WorkflowDefinition Read(string json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 0 } p ? p : "$";
            throw new WorkflowDefinitionException([new ValidationError(path, "The JSON is malformed: " + ex.Message)]);
        }

        return Read(document);
    }

    public static WorkflowDefinition Read(JsonNode? document)
    {
        var reader = new WorkflowDefinitionReader();
        var definition = reader.ReadDefinition(document);
        if (reader._errors.Count > 0)
        {
            throw new WorkflowDefinitionException(reader._errors);
        }

        return definition;
    }

    private WorkflowDefinition ReadDefinition(JsonNode? node)
    {
        var definition = new WorkflowDefinition();
        if (node is not JsonObject obj)
        {
            Error("$", "A workflow definition must be a JSON object.");
            return definition;
        }

        definition.Id = String(obj, "id", "$") ?? "";
        definition.DefinitionId = String(obj, "definitionId", "$") ?? "";
        definition.Name = String(obj, "name", "$") ?? "";
        definition.Description = String(obj, "description", "$");
        definition.Version = Int(obj, "version", "$") ?? 1;
        definition.IsLatest = Bool(obj, "isLatest", "$") ?? true;
        definition.IsPublished = Bool(obj, "isPublished", "$") ?? false;
        definition.Variables = Array(obj, "variables", "$", ReadVariable);
        definition.Inputs = Array(obj, "inputs", "$", ReadParameter);
        definition.Outputs = Array(obj, "outputs", "$", ReadParameter);
        definition.Root = ReadRoot(obj["root"], "$.root");
        definition.Extensions = Rest(obj, DefinitionProperties);
        return definition;
    }

    private VariableDefinition ReadVariable(JsonObject obj, string path) => new()
    {
        Id = String(obj, "id", path),
        Name = String(obj, "name", path) ?? "",
        TypeName = String(obj, "typeName", path) ?? "Object",
        IsArray = Bool(obj, "isArray", path) ?? false,
        Value = obj["value"]?.DeepClone(),
        Extensions = Rest(obj, ["id", "name", "typeName", "isArray", "value"]),
    };

    private ParameterDefinition ReadParameter(JsonObject obj, string path) => new()
    {
        Name = String(obj, "name", path) ?? "",
        TypeName = String(obj, "type", path) ?? String(obj, "typeName", path) ?? "Object",
        DisplayName = String(obj, "displayName", path),
        Description = String(obj, "description", path),
        Extensions = Rest(obj, ["name", "type", "typeName", "displayName", "description"]),
    };

    private FlowchartDefinition ReadRoot(JsonNode? node, string path)
    {
        var root = new FlowchartDefinition();
        if (node is null)
        {
            Error(path, "The definition has no root flowchart.");
            return root;
        }

        if (node is not JsonObject obj)
        {
            Error(path, "The root must be a JSON object.");
            return root;
        }

        var type = String(obj, "type", path) ?? FlowchartDefinition.TypeName;
        if (type != FlowchartDefinition.TypeName)
        {
            // Elsa also runs a Sequence or a single activity as the root: it becomes the one activity of an implicit flowchart.
            var single = ReadActivity(obj, path);
            root.Id = single.Id;
            root.RootActivity = single;
            root.Activities = [single];
            return root;
        }

        root.Id = String(obj, "id", path) ?? root.Id;
        root.Type = type;
        root.Version = Int(obj, "version", path) ?? 1;
        root.Start = String(obj, "start", path);
        root.Activities = Array(obj, "activities", path, ReadActivity);
        root.Connections = Array(obj, "connections", path, ReadConnection);
        root.Extensions = Rest(obj, RootProperties);
        return root;
    }

    private ActivityNode ReadActivity(JsonObject obj, string path)
    {
        var activity = new ActivityNode
        {
            Id = String(obj, "id", path) ?? "",
            Type = String(obj, "type", path) ?? "",
            Version = Int(obj, "version", path) ?? 1,
            Name = String(obj, "name", path),
            CustomProperties = Object(obj, "customProperties", path),
            Metadata = Object(obj, "metadata", path),
            RetryPolicy = obj["retryPolicy"] is null ? null : ReadRetryPolicy(obj["retryPolicy"], path + ".retryPolicy"),
        };

        foreach (var (name, value) in obj)
        {
            if (ActivityProperties.Contains(name))
            {
                continue;
            }

            if (value is JsonObject input && input.ContainsKey("expression"))
            {
                activity.Inputs[name] = ReadInput(input, $"{path}.{name}");
            }
            else
            {
                activity.Extensions[name] = value?.DeepClone();
            }
        }

        ReadNested(activity, path);
        return activity;
    }

    // Nested activities stay in Extensions, which the writer writes back as read; these are views for the engine.
    private void ReadNested(ActivityNode activity, string path)
    {
        var extensions = activity.Extensions;
        foreach (var slot in NestedActivities.SingleSlots)
        {
            if (extensions[slot] is JsonObject single)
            {
                activity.Nested.Add(new NestedActivity(slot, null, ReadActivity(single, $"{path}.{slot}")));
            }
        }

        foreach (var slot in NestedActivities.ArraySlots)
        {
            if (extensions[slot] is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        activity.Nested.Add(new NestedActivity(slot, i, ReadActivity(item, $"{path}.{slot}[{i}]")));
                    }
                }
            }
        }

        if (extensions[NestedActivities.CasesSlot] is JsonArray cases)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i] is JsonObject { } switchCase && switchCase["activity"] is JsonObject caseActivity)
                {
                    activity.Nested.Add(new NestedActivity(NestedActivities.CasesSlot, i, ReadActivity(caseActivity, $"{path}.cases[{i}].activity")));
                }
            }
        }

        if (activity.Type == FlowchartDefinition.TypeName)
        {
            activity.Flowchart = new FlowchartDefinition
            {
                Id = activity.Id,
                Version = activity.Version,
                Start = String(extensions, "start", path),
                Activities = [.. activity.Nested.Where(n => n.Slot == NestedActivities.ActivitiesSlot).Select(n => n.Node)],
                Connections = Array(extensions, "connections", path, ReadConnection),
            };
        }
    }

    private ActivityInput ReadInput(JsonObject obj, string path)
    {
        var input = new ActivityInput { TypeName = String(obj, "typeName", path), Extensions = Rest(obj, ["typeName", "expression"]) };
        switch (obj["expression"])
        {
            case null:
                break;
            case JsonObject expression:
                var type = String(expression, "type", path + ".expression");
                input.Expression = new WorkflowExpression(type ?? ExpressionTypes.Literal, expression["value"]?.DeepClone());
                break;
            default:
                Error(path + ".expression", "An expression must be an object with 'type' and 'value'.");
                break;
        }

        return input;
    }

    private RetryPolicy? ReadRetryPolicy(JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            Error(path, "A retry policy must be an object with 'maxAttempts', 'initialDelay', 'backoffMultiplier' and 'maxDelay'.");
            return null;
        }

        var defaults = new RetryPolicy();
        var policy = new RetryPolicy
        {
            MaxAttempts = Int(obj, "maxAttempts", path) ?? defaults.MaxAttempts,
            InitialDelay = Duration(obj, "initialDelay", path) ?? defaults.InitialDelay,
            BackoffMultiplier = Number(obj, "backoffMultiplier", path) ?? defaults.BackoffMultiplier,
            MaxDelay = Duration(obj, "maxDelay", path) ?? defaults.MaxDelay,
        };
        if (policy.MaxAttempts < 1)
        {
            Error(path + ".maxAttempts", "At least one attempt is needed.");
        }

        if (policy.BackoffMultiplier < 1)
        {
            Error(path + ".backoffMultiplier", "The back-off multiplier must be 1 or more.");
        }

        return policy;
    }

    private Connection ReadConnection(JsonObject obj, string path)
    {
        if (obj["source"] is JsonObject source)
        {
            var target = obj["target"] as JsonObject;
            if (target is null)
            {
                Error(path + ".target", "A connection needs a target object with 'activity' and 'port'.");
            }

            return new Connection
            {
                Source = String(source, "activity", path + ".source") ?? "",
                SourcePort = String(source, "port", path + ".source") ?? "Done",
                Target = target is null ? "" : String(target, "activity", path + ".target") ?? "",
                TargetPort = target is null ? "In" : String(target, "port", path + ".target") ?? "In",
                Extensions = Rest(obj, ["source", "target"]),
            };
        }

        return new Connection
        {
            Source = String(obj, "source", path) ?? "",
            SourcePort = String(obj, "sourcePort", path) ?? "Done",
            Target = String(obj, "target", path) ?? "",
            TargetPort = String(obj, "targetPort", path) ?? "In",
            ReadFlat = true,
            Extensions = Rest(obj, ["source", "sourcePort", "target", "targetPort"]),
        };
    }

    private List<T> Array<T>(JsonObject obj, string name, string path, Func<JsonObject, string, T> read)
    {
        var list = new List<T>();
        switch (obj[name])
        {
            case null:
                return list;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}.{name}[{i}]";
                    if (array[i] is JsonObject item)
                    {
                        list.Add(read(item, itemPath));
                    }
                    else
                    {
                        Error(itemPath, "Expected a JSON object.");
                    }
                }

                return list;
            default:
                Error($"{path}.{name}", "Expected a JSON array.");
                return list;
        }
    }

    private JsonObject Object(JsonObject obj, string name, string path)
    {
        switch (obj[name])
        {
            case null:
                return [];
            case JsonObject value:
                return (JsonObject)value.DeepClone();
            default:
                Error($"{path}.{name}", "Expected a JSON object.");
                return [];
        }
    }

    private string? String(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        Error($"{path}.{name}", "Expected a string.");
        return null;
    }

    private int? Int(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.TryGetValue(out int number))
            {
                return number;
            }

            if (value.TryGetValue(out string? text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        Error($"{path}.{name}", "Expected a whole number.");
        return null;
    }

    private double? Number(JsonObject obj, string name, string path)
    {
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is JsonValue value && value.TryGetValue(out double number))
        {
            return number;
        }

        Error($"{path}.{name}", "Expected a number.");
        return null;
    }

    private bool? Bool(JsonObject obj, string name, string path)
    {
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is JsonValue value && value.TryGetValue(out bool flag))
        {
            return flag;
        }

        Error($"{path}.{name}", "Expected true or false.");
        return null;
    }

    private TimeSpan? Duration(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.TryGetValue(out string? text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            {
                return span;
            }

            if (value.TryGetValue(out double seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        Error($"{path}.{name}", "Expected a duration such as \"00:00:30\" or a number of seconds.");
        return null;
    }

    private static JsonObject Rest(JsonObject obj, IReadOnlySet<string> known)
    {
        var rest = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (!known.Contains(name))
            {
                rest[name] = value?.DeepClone();
            }
        }

        return rest;
    }

    private static JsonObject Rest(JsonObject obj, string[] known) => Rest(obj, known.ToHashSet());

    private void Error(string path, string message) => _errors.Add(new ValidationError(path, message));
}

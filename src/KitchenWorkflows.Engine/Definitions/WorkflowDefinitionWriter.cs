using System.Globalization;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Engine.Definitions;

/// <summary>Writes a <see cref="WorkflowDefinition"/> as Elsa 3 JSON, always with nested connections.</summary>
internal static class WorkflowDefinitionWriter
{
    public static JsonObject Write(WorkflowDefinition definition)
    {
        var obj = new JsonObject
        {
            ["id"] = definition.Id,
            ["definitionId"] = definition.DefinitionId,
            ["name"] = definition.Name,
        };
        if (definition.Description is not null)
        {
            obj["description"] = definition.Description;
        }

        obj["version"] = definition.Version;
        obj["isLatest"] = definition.IsLatest;
        obj["isPublished"] = definition.IsPublished;
        obj["variables"] = new JsonArray([.. definition.Variables.Select(WriteVariable)]);
        obj["inputs"] = new JsonArray([.. definition.Inputs.Select(WriteParameter)]);
        obj["outputs"] = new JsonArray([.. definition.Outputs.Select(WriteParameter)]);
        obj["root"] = WriteRoot(definition.Root);
        return AddRest(obj, definition.Extensions);
    }

    private static JsonObject WriteVariable(VariableDefinition variable)
    {
        var obj = new JsonObject();
        if (variable.Id is not null)
        {
            obj["id"] = variable.Id;
        }

        obj["name"] = variable.Name;
        obj["typeName"] = variable.TypeName;
        obj["isArray"] = variable.IsArray;
        if (variable.Value is not null)
        {
            obj["value"] = variable.Value.DeepClone();
        }

        return AddRest(obj, variable.Extensions);
    }

    private static JsonObject WriteParameter(ParameterDefinition parameter)
    {
        var obj = new JsonObject { ["name"] = parameter.Name, ["type"] = parameter.TypeName };
        if (parameter.DisplayName is not null)
        {
            obj["displayName"] = parameter.DisplayName;
        }

        if (parameter.Description is not null)
        {
            obj["description"] = parameter.Description;
        }

        return AddRest(obj, parameter.Extensions);
    }

    private static JsonObject WriteRoot(FlowchartDefinition root)
    {
        if (root.IsSingleActivity)
        {
            return WriteActivity(root.RootActivity!);
        }

        var obj = new JsonObject { ["id"] = root.Id, ["type"] = root.Type, ["version"] = root.Version };
        if (root.Start is not null)
        {
            obj["start"] = root.Start;
        }

        obj["activities"] = new JsonArray([.. root.Activities.Select(WriteActivity)]);
        obj["connections"] = new JsonArray([.. root.Connections.Select(WriteConnection)]);
        return AddRest(obj, root.Extensions);
    }

    public static JsonObject WriteActivity(ActivityNode activity)
    {
        var obj = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type, ["version"] = activity.Version };
        if (activity.Name is not null)
        {
            obj["name"] = activity.Name;
        }

        foreach (var (name, input) in activity.Inputs)
        {
            obj[name] = WriteInput(input);
        }

        obj["customProperties"] = activity.CustomProperties.DeepClone();
        obj["metadata"] = activity.Metadata.DeepClone();
        if (activity.RetryPolicy is { } policy)
        {
            obj["retryPolicy"] = new JsonObject
            {
                ["maxAttempts"] = policy.MaxAttempts,
                ["initialDelay"] = policy.InitialDelay.ToString("c", CultureInfo.InvariantCulture),
                ["backoffMultiplier"] = policy.BackoffMultiplier,
                ["maxDelay"] = policy.MaxDelay.ToString("c", CultureInfo.InvariantCulture),
            };
        }

        return AddRest(obj, activity.Extensions);
    }

    private static JsonObject WriteInput(ActivityInput input)
    {
        var obj = new JsonObject();
        if (input.TypeName is not null)
        {
            obj["typeName"] = input.TypeName;
        }

        obj["expression"] = input.Expression is null
            ? null
            : new JsonObject { ["type"] = input.Expression.Type, ["value"] = input.Expression.Value?.DeepClone() };
        return AddRest(obj, input.Extensions);
    }

    private static JsonObject WriteConnection(Connection connection) => AddRest(
        new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = connection.Source, ["port"] = connection.SourcePort },
            ["target"] = new JsonObject { ["activity"] = connection.Target, ["port"] = connection.TargetPort },
        },
        connection.Extensions);

    private static JsonObject AddRest(JsonObject obj, JsonObject rest)
    {
        foreach (var (name, value) in rest)
        {
            obj[name] = value?.DeepClone();
        }

        return obj;
    }
}

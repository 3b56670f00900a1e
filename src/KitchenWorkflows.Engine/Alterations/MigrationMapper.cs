using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Alterations;

/// <summary>
/// Maps an instance state onto another version of its definition. State is kept by activity key, so an activity maps
/// when the target has one of the same key and type. A composite running now maps only when its definition did not
/// change at all (designer positions aside): its frame counts positions and iterations the new content could not honour.
/// A variable maps when the target declares it and its value converts to the declared type.
/// </summary>
internal static class MigrationMapper
{
    public static MigrationMap Map(WorkflowInstanceState state, CompiledWorkflow from, CompiledWorkflow to)
    {
        var bookmarks = state.Bookmarks.Select(b => Activity(from, to, b.ActivityId, $"bookmark '{b.Name}'")).ToList();
        var activities = new List<MappedItem>();
        activities.AddRange(state.Queue.Select(id => Activity(from, to, id, "queued")));
        activities.AddRange(state.Scheduled.Select(s => Activity(from, to, s.ActivityId, "queued in a composite")));
        activities.AddRange(state.Frames.Where(f => !f.IsScope).Select(f => Composite(from, to, f.ActivityId)));
        activities.AddRange(state.Tokens.Select(t => Activity(from, to, t.Target, "reached by a connection")));
        foreach (var frame in state.Frames.Where(f => f.Tokens is { Count: > 0 }))
        {
            var prefix = KeyPrefix(from, frame.ActivityId);
            activities.AddRange(frame.Tokens!.Select(t => Activity(from, to, prefix + t.Target, "reached by a connection in a composite")));
        }

        if (state.FaultedActivityId is { } faulted)
        {
            activities.Add(Activity(from, to, faulted, "faulted, to be retried"));
        }

        if (state.TriggerActivityId is { } trigger)
        {
            activities.Add(Activity(from, to, trigger, "the trigger that started the instance"));
        }

        return new MigrationMap(from.Version, to.Version, bookmarks, Variables(state, from, to), activities);
    }

    /// <summary>Moves the variables to the target's declarations: converted where the type changed, added with their initial value where new.</summary>
    public static void MoveVariables(WorkflowInstanceState state, CompiledWorkflow to)
    {
        foreach (var (name, declared) in to.Variables)
        {
            state.Variables[name] = state.Variables.TryGetValue(name, out var value)
                ? VariableTypes.Coerce(value, declared.TypeName, declared.IsArray)
                : Initial(declared);
        }
    }

    /// <summary>A variable's initial value, as a new instance gets it.</summary>
    public static object? Initial(VariableDefinition declared) =>
        VariableTypes.Coerce(PlainValues.FromJson(declared.Value), declared.TypeName, declared.IsArray);

    private static List<MappedItem> Variables(WorkflowInstanceState state, CompiledWorkflow from, CompiledWorkflow to)
    {
        var items = new List<MappedItem>();
        foreach (var (name, value) in state.Variables)
        {
            if (!to.Variables.TryGetValue(name, out var declared))
            {
                items.Add(new MappedItem(name, false, $"not declared by version {to.Version}: its value would be lost"));
                continue;
            }

            var was = from.Variables.GetValueOrDefault(name);
            if (was is not null && was.TypeName == declared.TypeName && was.IsArray == declared.IsArray)
            {
                items.Add(new MappedItem(name, true, "kept"));
                continue;
            }

            try
            {
                VariableTypes.Coerce(value, declared.TypeName, declared.IsArray);
                items.Add(new MappedItem(name, true, $"converted to {TypeOf(declared)}"));
            }
            catch (FormatException ex)
            {
                items.Add(new MappedItem(name, false, $"cannot be {TypeOf(declared)}: {ex.Message}"));
            }
        }

        items.AddRange(to.Variables.Keys.Where(n => !state.Variables.ContainsKey(n))
            .Select(n => new MappedItem(n, true, $"new in version {to.Version}: starts with its initial value")));
        return items;
    }

    private static MappedItem Activity(CompiledWorkflow from, CompiledWorkflow to, string key, string holds)
    {
        var type = from.Activities.TryGetValue(key, out var was) ? was.Node.Type : null;
        if (!to.Activities.TryGetValue(key, out var now))
        {
            return new MappedItem(key, false, $"{holds}: version {to.Version} has no activity '{key}'");
        }

        return now.Node.Type == type
            ? new MappedItem(key, true, $"{holds}: same activity ({type}) in version {to.Version}")
            : new MappedItem(key, false, $"{holds}: '{key}' is a {now.Node.Type} in version {to.Version}, not a {type}");
    }

    private static MappedItem Composite(CompiledWorkflow from, CompiledWorkflow to, string key)
    {
        var item = Activity(from, to, key, "running composite");
        if (!item.Maps || JsonNode.DeepEquals(Content(from.Activities[key]), Content(to.Activities[key])))
        {
            return item;
        }

        return new MappedItem(key, false, $"running composite: its content changed in version {to.Version}, and a composite is not migrated while it runs");
    }

    private static JsonNode Content(Activity activity) => WithoutMetadata(WorkflowDefinitionWriter.WriteActivity(activity.Node));

    // Designer positions change when someone tidies a diagram; they do not change what runs.
    private static JsonNode WithoutMetadata(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("metadata");
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        WithoutMetadata(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    WithoutMetadata(child);
                }

                break;
        }

        return node;
    }

    // A composite's tokens name node ids of its own flowchart; inside a workflow used as an activity the keys carry the
    // using node's prefix, which the composite's own key shows.
    private static string KeyPrefix(CompiledWorkflow workflow, string compositeKey) =>
        workflow.Activities.TryGetValue(compositeKey, out var composite) && compositeKey.EndsWith(composite.Node.Id, StringComparison.Ordinal)
            ? compositeKey[..^composite.Node.Id.Length]
            : "";

    private static string TypeOf(VariableDefinition declared) => declared.IsArray ? declared.TypeName + "[]" : declared.TypeName;
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Persistence.Definitions;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Our definitions as Elsa's <c>WorkflowDefinitionModel</c> and back. Both are Elsa 3 JSON, so the mapping only adds
/// what Elsa's model has and our stored JSON leaves out (creation time, empty defaults), and takes off what the
/// server owns when a model comes in; every other property goes through verbatim, so nothing a designer set is lost.
/// </summary>
internal static class ElsaWorkflowDefinitionJson
{
    /// <summary>The materializer of every definition here: Elsa's name for definitions stored as JSON.</summary>
    public const string MaterializerName = "Json";

    // Properties the server sets on every answer; a model that carries them in does not decide them.
    private static readonly string[] ServerOwned = ["links", "createdAt", "materializerName", "isReadonly", "isSystem", "tenantId", "$schema"];

    /// <summary>A stored version as Elsa's <c>WorkflowDefinitionModel</c> (what Elsa's <c>WorkflowDefinition</c> client model reads).</summary>
    /// <param name="stored">The version.</param>
    /// <param name="user">The caller, whose links it gets; null for an export file, which has none.</param>
    public static JsonObject ToModel(StoredDefinitionVersion stored, ClaimsPrincipal? user)
    {
        var model = WorkflowDefinitionSerializer.ToJsonObject(stored.Definition);
        foreach (var name in ServerOwned)
        {
            model.Remove(name);
        }

        model["createdAt"] = stored.CreatedAt;
        model["materializerName"] = MaterializerName;
        model["isReadonly"] = false;
        model["isSystem"] = false;
        Default(model, "toolVersion", () => null);
        Default(model, "outcomes", () => new JsonArray());
        Default(model, "customProperties", () => new JsonObject());
        Default(model, "options", () => new JsonObject());
        AddNodeIds(model, stored.Definition);
        if (user is not null)
        {
            model["links"] = Links(ElsaLinks.ForDefinition(stored.Definition.DefinitionId, user));
        }

        return model;
    }

    /// <summary>A version as Elsa's <c>WorkflowDefinitionSummary</c>, a line of the definition list.</summary>
    public static JsonObject ToSummary(StoredDefinitionVersion stored, ClaimsPrincipal user)
    {
        var definition = stored.Definition;
        return new JsonObject
        {
            ["id"] = definition.Id,
            ["definitionId"] = definition.DefinitionId,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["version"] = definition.Version,
            ["toolVersion"] = definition.Extensions["toolVersion"]?.DeepClone(),
            ["isLatest"] = definition.IsLatest,
            ["isPublished"] = definition.IsPublished,
            ["providerName"] = null,
            ["materializerName"] = MaterializerName,
            ["isMaterializerAvailable"] = true,
            ["createdAt"] = stored.CreatedAt,
            ["isReadonly"] = false,
            ["links"] = Links(ElsaLinks.ForDefinition(definition.DefinitionId, user)),
        };
    }

    /// <summary>Reads Elsa's <c>WorkflowDefinitionModel</c> as our definition.</summary>
    /// <exception cref="Engine.Validation.WorkflowDefinitionException">The model does not read (errors at paths within the model).</exception>
    public static WorkflowDefinition FromModel(JsonObject model)
    {
        var obj = model.DeepClone().AsObject();
        foreach (var name in ServerOwned)
        {
            obj.Remove(name);
        }

        // Elsa Studio creates a workflow with no root at all; Elsa then gives it an empty flowchart, and so do we.
        if (obj["root"] is null)
        {
            obj["root"] = WorkflowDefinitionSerializer.ToJsonObject(new WorkflowDefinition())["root"]!.DeepClone();
        }

        return WorkflowDefinitionSerializer.Deserialize(obj);
    }

    // Elsa's activities carry their node id; Elsa Studio matches execution records to activities by it.
    private static void AddNodeIds(JsonObject model, WorkflowDefinition definition)
    {
        if (model["root"]?["activities"] is not JsonArray activities)
        {
            return;
        }

        model["root"]!.AsObject()["nodeId"] ??= definition.Root.Id;
        foreach (var (node, activity) in activities.OfType<JsonObject>().Zip(definition.Root.Activities))
        {
            node["nodeId"] ??= ElsaNodeIds.Of(definition.Root, activity);
        }
    }

    private static JsonArray Links(IReadOnlyList<ElsaLink> links) =>
        [.. links.Select(l => (JsonNode)new JsonObject { ["href"] = l.Href, ["rel"] = l.Rel, ["method"] = l.Method })];

    // Absent or null alike: Elsa Studio's "Create workflow" sends nulls for the collections, and Elsa's own entity never
    // answers them null (Elsa Studio's workflow settings read customProperties and options without a null check).
    private static void Default(JsonObject model, string name, Func<JsonNode?> value)
    {
        if (model[name] is null)
        {
            model[name] = value();
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// The stored definitions usable as activities (<see cref="UsableAsActivity"/>), found by the activity type a node
/// names. Asked of the store each time, so a version another node published is seen at once; a version's JSON is
/// parsed once per process (its content never changes once saved under its id).
/// </summary>
public sealed class PublishedWorkflowActivities(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowActivitySource
{
    /// <summary>The palette category of workflows used as activities, unless a definition's <c>options.activityCategory</c> names another.</summary>
    public const string Category = "Workflows";

    private readonly ConcurrentDictionary<string, WorkflowDefinition> _versions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>
    /// As Elsa's <c>WorkflowDefinitionActivity</c>: the type name decides the definition (the node's
    /// <c>workflowDefinitionId</c> is what the Studio it came from had, and is not consulted); the node's
    /// <c>workflowDefinitionVersionId</c> pins a version, and when that version is not here the latest published one runs.
    /// </remarks>
    public WorkflowDefinition? Find(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var db = contexts.CreateDbContext();
        var versions = db.Definitions.AsNoTracking()
            .Where(d => d.ActivityTypeName == node.Type)
            .Select(d => new { d.Id, d.IsPublished, d.UpdatedAt })
            .ToList();
        var pinned = node.Extensions["workflowDefinitionVersionId"] is JsonValue value && value.TryGetValue(out string? id) ? id : null;
        var chosen = versions.Find(v => v.Id == pinned)
            ?? versions.Where(v => v.IsPublished).MaxBy(v => v.UpdatedAt);
        return chosen is null ? null : _versions.GetOrAdd(chosen.Id, versionId => Load(db, versionId));
    }

    /// <summary>The descriptors of the published definitions usable as activities, for the Studio's palette.</summary>
    public async Task<IReadOnlyList<ActivityDescriptor>> ListDescriptorsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var jsons = await db.Definitions.AsNoTracking()
            .Where(d => d.ActivityTypeName != null && d.IsPublished)
            .Select(d => d.Json)
            .ToListAsync(cancellationToken);
        return [.. jsons.Select(WorkflowDefinitionSerializer.Deserialize).Select(Describe).OrderBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// A definition as an activity type: its inputs and outputs are the node's, its ports the definition's
    /// <c>outcomes</c> (Elsa's), else the outcomes its <c>Elsa.Complete</c> activities name, else <c>Done</c>.
    /// </summary>
    public static ActivityDescriptor Describe(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var options = definition.Extensions["options"] as JsonObject;
        return new ActivityDescriptor
        {
            TypeName = UsableAsActivity.TypeNameOf(definition) ?? throw new ArgumentException($"Workflow '{definition.DefinitionId}' is not usable as an activity.", nameof(definition)),
            Version = definition.Version,
            DisplayName = definition.Name,
            Category = options?["activityCategory"] is JsonValue category && category.TryGetValue(out string? name) && name.Length > 0 ? name : Category,
            Description = definition.Description ?? "",
            Outcomes = Outcomes(definition),
            Inputs = [.. definition.Inputs.Select(i => new InputDescriptor
            {
                Name = i.Name,
                DisplayName = string.IsNullOrEmpty(i.DisplayName) ? i.Name : i.DisplayName,
                TypeName = i.TypeName,
                Description = i.Description ?? "",
                UIHint = i.Extensions["uiHint"] is JsonValue hint && hint.TryGetValue(out string? uiHint) ? uiHint : InputUIHints.SingleLine,
            })],
            Outputs = [.. definition.Outputs.Select(o => new OutputDescriptor
            {
                Name = o.Name,
                DisplayName = string.IsNullOrEmpty(o.DisplayName) ? o.Name : o.DisplayName,
                TypeName = o.TypeName,
                Description = o.Description ?? "",
            })],
        };
    }

    private static List<string> Outcomes(WorkflowDefinition definition)
    {
        var declared = Strings(definition.Extensions["outcomes"]);
        if (declared.Count > 0)
        {
            return declared;
        }

        var completes = definition.Root.Activities
            .Where(n => n.Type == "Elsa.Complete" && n.Inputs.TryGetValue("outcomes", out var input) && ExpressionTypes.IsLiteral(input.Expression))
            .SelectMany(n => Strings(n.Inputs["outcomes"].Expression!.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return completes.Count > 0 ? completes : [Activity.DonePort];
    }

    // Elsa writes outcomes as one string or a list of them.
    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray items => [.. items.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>().Where(s => s.Length > 0)],
        JsonValue value when value.TryGetValue(out string? single) && single.Length > 0 => [single],
        _ => [],
    };

    private static WorkflowDefinition Load(WorkflowDbContext db, string versionId) =>
        WorkflowDefinitionSerializer.Deserialize(db.Definitions.AsNoTracking().Where(d => d.Id == versionId).Select(d => d.Json).First());
}

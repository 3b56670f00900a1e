using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaApi;

/// <summary>
/// Elsa 3.8's JSON shapes, written down from <c>Elsa.Api.Client</c>'s models (the contract Elsa Studio reads with):
/// each model's properties as Elsa's serializer writes them (camelCase, enums as their names, nulls left out) and their
/// JSON kind. An answer meets a model when it has every property with that kind; one the model allows to be null may be
/// null or absent.
/// </summary>
internal static class ElsaContracts
{
    /// <summary>The JSON kind of a property: <c>string</c>, <c>number</c>, <c>bool</c>, <c>array</c>, <c>object</c>, with <c>?</c> when null is allowed; <c>any</c> for object-typed values.</summary>
    public static readonly IReadOnlyDictionary<string, string> WorkflowDefinitionSummary = Shape(
        "id:string definitionId:string name:string description:string? version:number toolVersion:string? isLatest:bool isPublished:bool " +
        "materializerName:string isMaterializerAvailable:bool createdAt:string isReadonly:bool links:array");

    public static readonly IReadOnlyDictionary<string, string> WorkflowDefinition = Shape(
        "id:string definitionId:string name:string? description:string? createdAt:string version:number toolVersion:string? " +
        "variables:array inputs:array outputs:array outcomes:array customProperties:object isReadonly:bool isSystem:bool isLatest:bool " +
        "isPublished:bool options:object materializerName:string root:object links:array?");

    public static readonly IReadOnlyDictionary<string, string> SaveWorkflowDefinitionResponse = Shape(
        "workflowDefinition:object alreadyPublished:bool consumingWorkflowCount:number validationErrors:array");

    public static readonly IReadOnlyDictionary<string, string> PagedList = Shape("items:array totalCount:number");

    public static readonly IReadOnlyDictionary<string, string> List = Shape("items:array count:number");

    public static readonly IReadOnlyDictionary<string, string> ActivityDescriptor = Shape(
        "typeName:string namespace:string name:string version:number category:string displayName:string? description:string? inputs:array " +
        "outputs:array kind:string ports:array customProperties:object constructionProperties:object isContainer:bool isBrowsable:bool isStart:bool isTerminal:bool");

    public static readonly IReadOnlyDictionary<string, string> InputDescriptor = Shape(
        "name:string typeName:string displayName:string? description:string? order:number isBrowsable:bool? isSynthetic:bool isWrapped:bool " +
        "uiHint:string category:string? defaultValue:any defaultSyntax:string? isReadOnly:bool? isSensitive:bool storageDriverType:string? uiSpecifications:object?");

    public static readonly IReadOnlyDictionary<string, string> Port = Shape("name:string displayName:string? type:string isBrowsable:bool?");

    public static readonly IReadOnlyDictionary<string, string> ExpressionDescriptor = Shape("type:string displayName:string isSerializable:bool isBrowsable:bool properties:object");

    public static readonly IReadOnlyDictionary<string, string> VariableTypeDescriptor = Shape("typeName:string displayName:string category:string description:string?");

    public static readonly IReadOnlyDictionary<string, string> StorageDriverDescriptor = Shape("typeName:string displayName:string priority:number deprecated:bool");

    public static readonly IReadOnlyDictionary<string, string> StrategyDescriptor = Shape("typeName:string displayName:string description:string?");

    public static readonly IReadOnlyDictionary<string, string> FeatureDescriptor = Shape("name:string namespace:string fullName:string displayName:string description:string");

    public static readonly IReadOnlyDictionary<string, string> WorkflowInstanceSummary = Shape(
        "id:string definitionId:string definitionVersionId:string version:number status:string subStatus:string correlationId:string? name:string? " +
        "incidentCount:number createdAt:string updatedAt:string finishedAt:string?");

    public static readonly IReadOnlyDictionary<string, string> WorkflowInstance = Shape(
        "id:string definitionId:string definitionVersionId:string version:number workflowState:object status:string subStatus:string correlationId:string? " +
        "name:string? incidentCount:number createdAt:string updatedAt:string finishedAt:string?");

    public static readonly IReadOnlyDictionary<string, string> WorkflowState = Shape(
        "id:string definitionId:string definitionVersion:number correlationId:string? status:string subStatus:string bookmarks:array incidents:array " +
        "fault:object? completionCallbacks:array activityExecutionContexts:array input:object output:object properties:object createdAt:string updatedAt:string finishedAt:string?");

    public static readonly IReadOnlyDictionary<string, string> Bookmark = Shape(
        "id:string name:string hash:string payload:any activityNodeId:string activityInstanceId:string autoBurn:bool callbackMethodName:string? metadata:object?");

    public static readonly IReadOnlyDictionary<string, string> WorkflowExecutionLogRecord = Shape(
        "id:string activityInstanceId:string parentActivityInstanceId:string? activityId:string activityType:string activityTypeVersion:number activityName:string? " +
        "nodeId:string timestamp:string sequence:number eventName:string? message:string? source:string? activityState:object? payload:any");

    public static readonly IReadOnlyDictionary<string, string> ActivityExecutionRecord = Shape(
        "id:string workflowInstanceId:string activityId:string activityNodeId:string activityType:string activityTypeVersion:number activityName:string? " +
        "activityState:object? payload:object? outputs:object? properties:object metadata:object exception:object? startedAt:string hasBookmarks:bool " +
        "status:string aggregateFaultCount:number completedAt:string?");

    public static readonly IReadOnlyDictionary<string, string> ActivityExecutionStats = Shape(
        "activityId:string activityNodeId:string startedCount:number completedCount:number uncompletedCount:number isBlocked:bool isFaulted:bool metadata:object?");

    /// <summary>Asserts that <paramref name="node"/> has every property of <paramref name="model"/> with its kind.</summary>
    public static void AssertMeets(IReadOnlyDictionary<string, string> model, JsonNode? node, string what)
    {
        var obj = Assert.IsType<JsonObject>(node);
        foreach (var (name, kind) in model)
        {
            // Elsa's serializer leaves null properties out, so a property that may be null may also be absent.
            var optional = kind == "any" || kind.EndsWith('?');
            Assert.True(optional || obj.ContainsKey(name), $"{what}: no '{name}' in {Cut(obj)}");
            var value = obj[name];
            if (kind == "any" || (value is null && optional))
            {
                continue;
            }

            var actual = value?.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "bool",
                JsonValueKind.Array => "array",
                JsonValueKind.Object => "object",
                _ => "null",
            };
            Assert.True(kind.TrimEnd('?') == actual, $"{what}: '{name}' is {actual}, Elsa's model has {kind}");
        }
    }

    /// <summary>Asserts that every item of an array meets <paramref name="model"/>.</summary>
    public static void AssertEachMeets(IReadOnlyDictionary<string, string> model, JsonNode? array, string what)
    {
        foreach (var item in Assert.IsType<JsonArray>(array))
        {
            AssertMeets(model, item, what);
        }
    }

    private static Dictionary<string, string> Shape(string properties) =>
        properties.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static string Cut(JsonObject obj) => obj.ToJsonString() is { Length: > 300 } text ? text[..300] + "…" : obj.ToJsonString();
}

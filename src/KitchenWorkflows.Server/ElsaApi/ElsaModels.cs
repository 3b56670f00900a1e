using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>Elsa's order direction.</summary>
internal enum ElsaOrderDirection
{
    /// <summary>Smallest first.</summary>
    Ascending,

    /// <summary>Largest first.</summary>
    Descending,
}

/// <summary>Elsa's order of the workflow definition list.</summary>
internal enum ElsaDefinitionOrder
{
    /// <summary>By creation time.</summary>
    Created,

    /// <summary>By name.</summary>
    Name,

    /// <summary>By version.</summary>
    Version,
}

/// <summary>Elsa's <c>PagedListResponse</c>: a page, how many there are in all, and the links Elsa gives some lists.</summary>
internal sealed record ElsaPagedList<T>(IReadOnlyList<T> Items, long TotalCount, IReadOnlyList<ElsaLink>? Links = null);

/// <summary>Elsa's <c>ListResponse</c>: every item and how many.</summary>
internal sealed record ElsaList<T>(IReadOnlyList<T> Items, long Count);

/// <summary>Elsa's <c>SaveWorkflowDefinitionRequest</c>, read as a tree so that errors get JSON paths.</summary>
internal sealed record ElsaSaveWorkflowDefinitionRequest(JsonObject? Model, bool? Publish);

/// <summary>Elsa's answer to save and publish.</summary>
internal sealed record ElsaSaveWorkflowDefinitionResponse(JsonObject WorkflowDefinition, bool AlreadyPublished, int ConsumingWorkflowCount, IReadOnlyList<string> ValidationErrors);

/// <summary>The body of Elsa's bulk definition actions.</summary>
internal sealed record ElsaDefinitionIdsRequest(IReadOnlyList<string>? DefinitionIds);

/// <summary>Elsa's answer to bulk publish.</summary>
internal sealed record ElsaBulkPublishResponse(IReadOnlyList<string> Published, IReadOnlyList<string> AlreadyPublished, IReadOnlyList<string> NotFound, IReadOnlyList<string> UpdatedConsumers);

/// <summary>Elsa's answer to bulk retract.</summary>
internal sealed record ElsaBulkRetractResponse(IReadOnlyList<string> Retracted, IReadOnlyList<string> AlreadyRetracted, IReadOnlyList<string> NotFound);

/// <summary>Elsa's answer to a bulk delete.</summary>
internal sealed record ElsaBulkDeleteResponse(long Deleted);

/// <summary>Elsa's answer to consumers: the definitions that use this one as an activity.</summary>
internal sealed record ElsaConsumersResponse(IReadOnlyList<string> ConsumingWorkflowDefinitionIds);

/// <summary>Elsa's answer to the name check.</summary>
internal sealed record ElsaIsNameUniqueResponse(bool IsUnique);

/// <summary>Elsa's answer to the count.</summary>
internal sealed record ElsaCountResponse(long Count);

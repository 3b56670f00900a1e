namespace KitchenWorkflows.Persistence.Store;

/// <summary>What an event reaches: the bookmarks waiting for it and the published triggers it starts.</summary>
/// <param name="Bookmarks">(instance id, bookmark id) pairs.</param>
/// <param name="Triggers">(definition id, trigger activity id) pairs.</param>
public sealed record EventTargets(
    IReadOnlyList<(string InstanceId, string BookmarkId)> Bookmarks,
    IReadOnlyList<(string DefinitionId, string ActivityId)> Triggers);

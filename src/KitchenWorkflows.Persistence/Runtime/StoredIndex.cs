using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// The bookmark ids and tags an instance had in the store when its run began (its snapshot and its index rows
/// are saved together, so the snapshot tells), so that a save writes only the rows that changed.
/// </summary>
internal sealed record StoredIndex(IReadOnlySet<string> BookmarkIds, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>A new instance: nothing is indexed yet.</summary>
    public static readonly StoredIndex None = new(new HashSet<string>(), new Dictionary<string, string>());

    /// <summary>Taken before the run changes the state in place.</summary>
    public static StoredIndex Of(WorkflowInstanceState state) =>
        state.Bookmarks.Count == 0 && state.Tags.Count == 0
            ? None
            : new(state.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>(state.Tags, StringComparer.Ordinal));
}

using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// What one run of an instance writes: the new snapshot and the index rows that changed since the run began
/// (bookmarks and tags as they were stored then, so only the difference is written), its journal and its incident.
/// <see cref="KeepsLease"/>: a long run's commit of its progress (<see cref="Engine.Execution.RunCommit"/>), after
/// which the run goes on under the same lease; otherwise the save ends the run and gives the lease back.
/// </summary>
public sealed record InstanceSave(
    WorkflowInstanceState State,
    byte[] Snapshot,
    string Node,
    IReadOnlySet<string> StoredBookmarkIds,
    IReadOnlyDictionary<string, string> StoredTags,
    IReadOnlyList<JournalEntry> Journal,
    Incident? Incident,
    bool KeepsLease = false);

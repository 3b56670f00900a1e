using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>A start to insert: the new instance and, for a keyed start, its idempotency key.</summary>
/// <param name="State">The instance as created.</param>
/// <param name="Snapshot">Its serialized state.</param>
/// <param name="Node">The node that starts it (its lease owner where nodes share the store).</param>
/// <param name="LeaseDuration">How long that lease lasts from the instance's creation.</param>
/// <param name="Key">The idempotency key, scoped to the definition, and the hash of the request; null without a key.</param>
/// <param name="PublishedVersion">Insert only while this version is published (where nodes share the store); null: no check.</param>
public sealed record NewInstance(WorkflowInstanceState State, byte[] Snapshot, string Node, TimeSpan LeaseDuration, (string Key, string RequestHash)? Key, int? PublishedVersion);

/// <summary>What became of an insert.</summary>
public enum InsertOutcome
{
    /// <summary>The instance (and its key) is committed.</summary>
    Inserted,

    /// <summary>Nothing was written: the version checked is no longer the published one.</summary>
    NoLongerPublished,

    /// <summary>Nothing was written: the idempotency key exists (a concurrent start with the same key won).</summary>
    KeyTaken,
}

/// <summary>The start an idempotency key made: the hash of its request and its instance's snapshot.</summary>
public sealed record KeyedStart(string RequestHash, byte[] Snapshot);

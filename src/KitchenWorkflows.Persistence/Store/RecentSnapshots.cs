namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// The latest committed snapshot of recently saved instances, for the single owner of a SQLite file: a resume (an
/// event, a timer) usually follows the save of the same instance closely, and reading the snapshot back costs a
/// read transaction and several page reads (every commit empties the other connections' page caches). Direct-mapped:
/// a fixed number of slots, an instance's slot chosen by its id, so memory stays bounded however many instances wait.
/// </summary>
/// <remarks>
/// Only the store writes snapshots, always under the runtime's per-instance lock, and it puts a snapshot here only
/// after its commit; so an entry is either the committed snapshot or absent.
/// </remarks>
internal sealed class RecentSnapshots
{
    // About 6 MB of typical 1.5 KB snapshots.
    private const int Slots = 4096;

    private readonly Entry?[] _slots = new Entry?[Slots];

    public void Put(string instanceId, byte[] snapshot) => Volatile.Write(ref _slots[Slot(instanceId)], new Entry(instanceId, snapshot));

    public byte[]? Find(string instanceId) =>
        Volatile.Read(ref _slots[Slot(instanceId)]) is { } entry && entry.InstanceId == instanceId ? entry.Snapshot : null;

    private static int Slot(string instanceId) => (int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % Slots);

    private sealed record Entry(string InstanceId, byte[] Snapshot);
}

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// Whether the store takes writes, as far as this node saw: the last storage fault (<see cref="StorageFault"/>) a write
/// met, until a probe write succeeds again. Readiness reads it, so that a node whose writes fail is taken out of the
/// load balancer's rotation instead of answering every start with an error.
/// </summary>
public sealed class StorageWrites
{
    private volatile string? _fault;

    /// <summary>The fault the last failing write met; null when writes work (or none failed yet).</summary>
    public string? Fault => _fault;

    /// <summary>Notes <paramref name="exception"/> when it is a storage fault; returns false, so it can sit in an exception filter.</summary>
    public bool NoteIfFault(Exception exception)
    {
        if (StorageFault.Describe(exception) is { } cause)
        {
            Failed(cause);
        }

        return false;
    }

    /// <summary>A write met the storage fault <paramref name="cause"/> (see <see cref="StorageFault.Describe"/>).</summary>
    public void Failed(string cause) => _fault = cause;

    /// <summary>A write got through: the fault is over.</summary>
    public void Recovered() => _fault = null;
}

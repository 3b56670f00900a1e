using System.Collections.Concurrent;

namespace KitchenWorkflows.Server.Auth;

/// <summary>
/// A small time-bounded cache of verification results, so a request does not pay a hash or a database read each time.
/// Bounded: when it grows past its capacity (a flood of forged keys, say) it starts over rather than grow.
/// </summary>
internal sealed class ExpiringCache<TValue>(TimeProvider clock, Func<TimeSpan> lifetime, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value)
    {
        var duration = lifetime();
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (value, clock.GetUtcNow() + duration);
    }

    /// <summary>Forgets everything: after a change on this node, nothing stale is served here.</summary>
    public void Clear() => _entries.Clear();
}

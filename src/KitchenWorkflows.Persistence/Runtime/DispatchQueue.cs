using System.Collections.Concurrent;
using System.Threading.Channels;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// Ids of committed pending instances waiting for a dispatch worker. Only a hint: the committed row is
/// the truth, so a crash that loses this queue loses nothing (the pool finds the rows again).
/// </summary>
public sealed class DispatchQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    /// <summary>Queues an instance unless it is queued already.</summary>
    public void Enqueue(string instanceId)
    {
        if (_queued.TryAdd(instanceId, 0))
        {
            _channel.Writer.TryWrite(instanceId);
        }
    }

    /// <summary>Whether an instance is queued or being run here.</summary>
    public bool Contains(string instanceId) => _queued.ContainsKey(instanceId);

    /// <summary>The number of queued instances.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<string> Reader => _channel.Reader;

    internal void Done(string instanceId) => _queued.TryRemove(instanceId, out _);
}

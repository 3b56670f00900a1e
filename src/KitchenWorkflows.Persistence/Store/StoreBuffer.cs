using System.Text;

namespace KitchenWorkflows.Persistence.Store;

/// <summary>
/// A <see cref="StoreCommand"/>'s SQL text and parameter values, reused: every store command used to allocate its
/// text (a few hundred characters to a few kilobytes) and a parameter object per value, which made the durable path
/// allocate twice what the engine does and run the garbage collector as often.
/// </summary>
internal sealed class StoreBuffer
{
    // A save builds two commands at once, and a thread may hold buffers returned by others after an await.
    private const int PooledPerThread = 4;
    // A buffer grown by a bulk insert is dropped rather than kept.
    private const int MaxPooledChars = 16 * 1024;

    [ThreadStatic]
    private static Stack<StoreBuffer>? t_pool;

    public StringBuilder Text { get; } = new(2048);

    public List<(StoreColumn Column, object? Value)> Values { get; } = new(64);

    public static StoreBuffer Rent() => t_pool is { Count: > 0 } pool ? pool.Pop() : new StoreBuffer();

    public static void Return(StoreBuffer buffer)
    {
        if (buffer.Text.Capacity > MaxPooledChars)
        {
            return;
        }

        buffer.Text.Clear();
        buffer.Values.Clear();
        var pool = t_pool ??= new Stack<StoreBuffer>(PooledPerThread);
        if (pool.Count < PooledPerThread)
        {
            pool.Push(buffer);
        }
    }
}

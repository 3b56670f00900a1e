using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// The connections of a flowchart indexed for the interpreter: outbound by source, inbound by target,
/// and which inbound connections are forward (not loop back-edges, found by a depth-first walk from the start).
/// </summary>
public sealed class FlowGraph
{
    private static readonly IReadOnlyList<Connection> None = [];
    private readonly Dictionary<string, List<Connection>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _forwardInbound = new(StringComparer.Ordinal);

    /// <summary>Indexes the connections of a flowchart whose walk starts at <paramref name="startId"/>.</summary>
    public FlowGraph(FlowchartDefinition flowchart, string? startId)
    {
        ArgumentNullException.ThrowIfNull(flowchart);
        foreach (var connection in flowchart.Connections)
        {
            Add(_outbound, connection.Source, connection);
            Add(_inbound, connection.Target, connection);
        }

        var backEdges = FindBackEdges(flowchart, startId);
        foreach (var connection in flowchart.Connections.Where(c => !backEdges.Contains(c)))
        {
            Add(_forwardInbound, connection.Target, connection);
        }
    }

    /// <summary>Connections leaving an activity.</summary>
    public IReadOnlyList<Connection> Outbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Connections entering an activity.</summary>
    public IReadOnlyList<Connection> Inbound(string activityId) => _inbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Connections entering an activity that are not loop back-edges.</summary>
    public IReadOnlyList<Connection> ForwardInbound(string activityId) => _forwardInbound.TryGetValue(activityId, out var list) ? list : None;

    /// <summary>Every activity from which <paramref name="activityId"/> can be reached along forward connections.</summary>
    public HashSet<string> ForwardAncestors(string activityId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([activityId]);
        while (stack.TryPop(out var current))
        {
            foreach (var connection in ForwardInbound(current))
            {
                if (connection.Source != activityId && seen.Add(connection.Source))
                {
                    stack.Push(connection.Source);
                }
            }
        }

        return seen;
    }

    private HashSet<Connection> FindBackEdges(FlowchartDefinition flowchart, string? startId)
    {
        var backEdges = new HashSet<Connection>(ReferenceEqualityComparer.Instance);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        var roots = new List<string>();
        if (startId is not null)
        {
            roots.Add(startId);
        }

        roots.AddRange(flowchart.Activities.Select(a => a.Id));
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            // Iterative DFS: a connection to a node still on the stack closes a loop.
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((root, 0));
            state[root] = false;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var outbound = Outbound(node);
                if (next < outbound.Count)
                {
                    stack.Push((node, next + 1));
                    var connection = outbound[next];
                    if (!state.TryGetValue(connection.Target, out var done))
                    {
                        state[connection.Target] = false;
                        stack.Push((connection.Target, 0));
                    }
                    else if (!done)
                    {
                        backEdges.Add(connection);
                    }
                }
                else
                {
                    state[node] = true;
                }
            }
        }

        return backEdges;
    }

    private static void Add(Dictionary<string, List<Connection>> index, string key, Connection connection)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(connection);
    }
}

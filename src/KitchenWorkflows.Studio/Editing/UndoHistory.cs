namespace KitchenWorkflows.Studio.Editing;

/// <summary>
/// Undo and redo over whole-document snapshots (the definition's JSON). Snapshots are simple and
/// cannot drift from the model the way inverse operations can; a definition is small enough.
/// </summary>
public sealed class UndoHistory(string initial, int capacity = 100)
{
    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public string Current { get; private set; } = initial;

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Records a new state; returns false when nothing changed.</summary>
    public bool Record(string snapshot)
    {
        if (snapshot == Current)
        {
            return false;
        }

        _undo.AddLast(Current);
        if (_undo.Count > capacity)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        Current = snapshot;
        return true;
    }

    public string Undo()
    {
        if (_undo.Last is not { } previous)
        {
            return Current;
        }

        _undo.RemoveLast();
        _redo.Push(Current);
        return Current = previous.Value;
    }

    public string Redo()
    {
        if (!_redo.TryPop(out var next))
        {
            return Current;
        }

        _undo.AddLast(Current);
        return Current = next;
    }

    /// <summary>Starts over from a state (after loading or saving), forgetting the history.</summary>
    public void Reset(string snapshot)
    {
        _undo.Clear();
        _redo.Clear();
        Current = snapshot;
    }
}

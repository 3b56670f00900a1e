using System.Collections;

namespace KitchenWorkflows.Server.Logging;

/// <summary>
/// A scope's values, masked as a log entry's are (<see cref="MaskedLogState"/>) but only once something reads them.
/// Every request and every workflow run opens scopes, and only the entries written inside them read one: masking at
/// opening cost a formatting and several regular-expression scans per run whether anything was logged or not.
/// </summary>
internal sealed class MaskedScope<TState>(TState state) : IReadOnlyList<KeyValuePair<string, object?>>
    where TState : notnull
{
    // Computed once; two threads reading it first compute the same value, so no lock is needed.
    private MaskedLogState? _masked;

    public int Count => Masked.Count;

    public KeyValuePair<string, object?> this[int index] => Masked[index];

    private MaskedLogState Masked => _masked ??= MaskedLogState.From(state, state.ToString());

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Masked.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Masked.ToString();
}

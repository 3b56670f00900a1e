namespace KitchenWorkflows.Server.Logging;

/// <summary>Masks the message, the structured values, the scopes and the exception text of every entry (<see cref="MaskedLogState"/>).</summary>
internal sealed class PersonalDataMaskingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(new MaskedScope<TState>(state));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        inner.Log(logLevel, eventId, MaskedLogState.From(state, formatter(state, exception)), MaskedException.From(exception), static (s, _) => s.ToString());
    }
}

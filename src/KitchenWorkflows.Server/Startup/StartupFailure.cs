namespace KitchenWorkflows.Server.Startup;

/// <summary>
/// The server cannot start for a reason its operator can fix (a setting, the data folder, the database): the message is
/// the one line printed instead of a stack trace, and says what is wrong and what to do.
/// </summary>
internal sealed class StartupFailure(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The process's exit code for every start-up failure.</summary>
    public const int ExitCode = 1;
}

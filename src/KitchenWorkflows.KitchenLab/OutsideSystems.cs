namespace KitchenWorkflows.KitchenLab;

/// <summary>
/// The outside systems Kitchen Lab's activities call, as a test run names them when it records a call instead of
/// making it (<see cref="Engine.Execution.ActivityExecutionContext.CallOutsideAsync{T}"/>).
/// </summary>
public static class OutsideSystems
{
    /// <summary>The SMS gateway.</summary>
    public const string Sms = "SMS gateway";

    /// <summary>Usedesk, the help desk.</summary>
    public const string Usedesk = "Usedesk";

    /// <summary>The SMTP server.</summary>
    public const string Email = "Mail server";

    /// <summary>Naumen, the legacy contact scheme.</summary>
    public const string Naumen = "Naumen";

    /// <summary>
    /// The ticket id a test run continues with after a withheld "create ticket": positive, so the activities after it run
    /// as they would on a real ticket, and recognisable in what the test run shows.
    /// </summary>
    public const long DryRunTicketId = 999_999_999;
}

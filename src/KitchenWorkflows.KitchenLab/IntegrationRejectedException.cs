namespace KitchenWorkflows.KitchenLab;

/// <summary>
/// An outside system (Usedesk, the SMS gateway, Naumen, the mail server) refused a request for a reason that
/// repeating it cannot fix: a 4xx answer, a rejected address, a missing setting. Activities turn it into a fault
/// that skips the retry policy; transient failures (5xx, timeouts, lost connections) are thrown as other
/// exceptions instead, so the retry policy applies to them.
/// </summary>
public sealed class IntegrationRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IntegrationRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IntegrationRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IntegrationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status code of the refusal, when it came over HTTP.</summary>
    public int? StatusCode { get; init; }
}

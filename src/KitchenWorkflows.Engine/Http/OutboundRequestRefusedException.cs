namespace KitchenWorkflows.Engine.Http;

/// <summary>A request to an address the configuration does not allow (<see cref="OutboundHttpOptions"/>); nothing was sent.</summary>
public sealed class OutboundRequestRefusedException : KitchenWorkflowsException
{
    /// <summary>Creates the exception.</summary>
    public OutboundRequestRefusedException(string message) : base(message) { }

    /// <summary>The refusal behind <paramref name="exception"/> (HttpClient wraps what its connect callback throws), if any.</summary>
    public static OutboundRequestRefusedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundRequestRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

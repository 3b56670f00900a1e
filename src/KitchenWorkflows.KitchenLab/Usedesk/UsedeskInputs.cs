using System.Globalization;
using KitchenWorkflows.Engine.Activities;

namespace KitchenWorkflows.KitchenLab.Usedesk;

/// <summary>Checks the Usedesk activities share.</summary>
internal static class UsedeskInputs
{
    /// <summary>The fault for a ticket id that cannot be one; repeating would not make it valid.</summary>
    public static ActivityResult MissingTicket(long ticketId) =>
        ActivityResult.Fault($"'{ticketId.ToString(CultureInfo.InvariantCulture)}' is not a Usedesk ticket id; give the id of an existing ticket.", retryable: false);
}

using KitchenWorkflows.Studio.Api;
using MudBlazor;

namespace KitchenWorkflows.Studio.Components.Instances;

/// <summary>What a Retry came to, said as it is: a retry that faulted again is not a success.</summary>
public static class RetryReport
{
    /// <summary>The message and its severity for the instance as the retry left it.</summary>
    public static (string Text, Severity Severity) Of(InstanceSummary retried)
    {
        ArgumentNullException.ThrowIfNull(retried);
        return retried.SubStatus switch
        {
            "Faulted" => ($"Retried, and it faulted again: {retried.Incidents.LastOrDefault(i => !i.Resolved)?.Message ?? "see Incidents."}", Severity.Error),
            "Finished" => ("Retried: the instance ran to its end.", Severity.Success),
            "Suspended" => ("Retried: the instance ran on and now waits (see Bookmarks).", Severity.Success),
            "Cancelled" => ("Retried, but the instance is cancelled.", Severity.Warning),
            _ => ("Retried: the instance is running.", Severity.Info),
        };
    }
}

using KitchenWorkflows.Engine.Activities;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab;

/// <summary>Maps the failures of an outside call to what the engine does with them.</summary>
internal static class IntegrationFailures
{
    /// <summary>
    /// Runs an activity's outside call. A refusal or a missing setting faults the activity without retry, since
    /// repeating it would fail the same way; anything else propagates, and the activity's retry policy applies.
    /// </summary>
    public static async ValueTask<ActivityResult> RunAsync(Func<ValueTask<ActivityResult>> call)
    {
        try
        {
            return await call();
        }
        catch (IntegrationRejectedException ex)
        {
            return ActivityResult.Fault(ex.Message, retryable: false);
        }
        catch (OptionsValidationException ex)
        {
            return ActivityResult.Fault(IntegrationSettings.Explain(ex), retryable: false, detail: ex.Message);
        }
    }
}

using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Naumen;

/// <summary>
/// Registers a hotline request in Naumen (the previous scheme's service question: store address, contract number
/// and the essence of the request). Its result is the registration id.
/// </summary>
[Activity("KitchenLab.RegisterInNaumen", Category = KitchenLabActivityCategory.Name, DisplayName = "Register in Naumen",
    Description = "Register a hotline request in Naumen with the store address, contract number and summary; result: the registration id.")]
public sealed class RegisterInNaumen : Activity
{
    /// <summary>The store's address.</summary>
    [Input(Description = "The address of the store the kitchen was bought in.", Required = true)]
    public Input<string> StoreAddress { get; set; } = new();

    /// <summary>The contract number.</summary>
    [Input(Description = "The order or contract number.", Required = true)]
    public Input<string> ContractNumber { get; set; } = new();

    /// <summary>The essence of the request.</summary>
    [Input(Description = "The essence of the client's request.", Required = true, UIHint = InputUIHints.MultiLine)]
    public Input<string> Summary { get; set; } = new();

    /// <inheritdoc />
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var registration = new NaumenRegistration(context.Get(StoreAddress) ?? "", context.Get(ContractNumber) ?? "", context.Get(Summary) ?? "");
        if (string.IsNullOrWhiteSpace(registration.StoreAddress) || string.IsNullOrWhiteSpace(registration.ContractNumber) || string.IsNullOrWhiteSpace(registration.Summary))
        {
            return ValueTask.FromResult(ActivityResult.Fault("A Naumen registration needs the store address, the contract number and a summary.", retryable: false));
        }

        return IntegrationFailures.RunAsync(async () =>
        {
            var id = await context.CallOutsideAsync(OutsideSystems.Naumen, "register the claim",
                new Dictionary<string, object?> { ["storeAddress"] = registration.StoreAddress, ["contractNumber"] = registration.ContractNumber, ["summary"] = registration.Summary },
                () => context.GetRequiredService<NaumenClient>().RegisterAsync(registration, context.IdempotencyKey, context.CancellationToken), dryAnswer: "");
            context.SetResult(id);
            return ActivityResult.Done;
        });
    }
}

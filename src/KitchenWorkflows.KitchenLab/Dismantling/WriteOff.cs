namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>A checked write-off: every value present and trimmed.</summary>
/// <param name="WriteOffId">Haier's id of the write-off.</param>
/// <param name="ServiceCentreId">The service centre that dismantles.</param>
/// <param name="ApplianceModel">The model, such as HCX-6CS4.</param>
/// <param name="SerialNumber">The serial number the service centre must confirm when it dismantles.</param>
/// <param name="ClientAddress">Where the appliance is.</param>
/// <param name="ContractNumber">The client's Kitchen Lab contract.</param>
/// <param name="Reason">Why the appliance was written off.</param>
public sealed record WriteOff(string WriteOffId, string ServiceCentreId, string ApplianceModel, string SerialNumber, string ClientAddress, string ContractNumber, string Reason);

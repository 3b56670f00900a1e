namespace KitchenWorkflows.KitchenLab.Naumen;

/// <summary>A hotline request to register in Naumen: what the agent collects for a service question.</summary>
/// <param name="StoreAddress">The address of the store the kitchen was bought in.</param>
/// <param name="ContractNumber">The order or contract number.</param>
/// <param name="Summary">The essence of the request.</param>
public sealed record NaumenRegistration(string StoreAddress, string ContractNumber, string Summary);

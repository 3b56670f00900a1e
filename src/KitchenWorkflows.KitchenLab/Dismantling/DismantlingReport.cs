namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>A checked dismantling report: every value present and trimmed.</summary>
/// <param name="DismantledOn">The date of the dismantling.</param>
/// <param name="SerialNumberConfirmed">Whether the serial number on the appliance matched the write-off's.</param>
/// <param name="Condition">The appliance's condition as found.</param>
/// <param name="DocumentReferences">Photos or documents of the dismantling; at least one.</param>
public sealed record DismantlingReport(DateOnly DismantledOn, bool SerialNumberConfirmed, string Condition, IReadOnlyList<string> DocumentReferences);

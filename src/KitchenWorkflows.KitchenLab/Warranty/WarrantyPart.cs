namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>The two parts of the five-year warranty. Codes: <c>factory</c>, <c>additional</c>.</summary>
public enum WarrantyPart
{
    /// <summary>The factory warranty under the contract: the first 24 months from handover.</summary>
    Factory,

    /// <summary>The additional warranty: the 36 months after the factory part.</summary>
    Additional,
}

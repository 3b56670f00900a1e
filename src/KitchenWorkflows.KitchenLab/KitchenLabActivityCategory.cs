namespace KitchenWorkflows.KitchenLab;

/// <summary>The palette category of the Kitchen Lab activities.</summary>
public static class KitchenLabActivityCategory
{
    /// <summary>The category name the Studio shows.</summary>
    public const string Name = "Kitchen Lab";
}

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Where the shipped workflow definitions are read from at start-up. Bound from <c>Workflows</c>.</summary>
internal sealed class WorkflowsFolderOptions
{
    public const string SectionName = "Workflows";

    /// <summary>The folder; by default the <c>workflows</c> folder copied next to the server.</summary>
    public string Folder { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows");
}

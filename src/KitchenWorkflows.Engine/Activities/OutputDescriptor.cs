namespace KitchenWorkflows.Engine.Activities;

/// <summary>One named output of an activity type (a workflow used as an activity has its declared outputs).</summary>
public sealed record OutputDescriptor
{
    /// <summary>The output name.</summary>
    public required string Name { get; init; }

    /// <summary>The label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The value's type alias.</summary>
    public required string TypeName { get; init; }

    /// <summary>Help text.</summary>
    public string Description { get; init; } = "";
}

namespace KitchenWorkflows.Engine.Activities;

/// <summary>What the Studio and the validator know about an activity type.</summary>
public sealed record ActivityDescriptor
{
    /// <summary>The JSON type name.</summary>
    public required string TypeName { get; init; }

    /// <summary>The type version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The palette label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The palette category.</summary>
    public required string Category { get; init; }

    /// <summary>The one-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>The static outcome ports.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Whether the outcome ports depend on the node's inputs.</summary>
    public bool HasDynamicOutcomes { get; init; }

    /// <summary>Whether it can start a workflow: the type implements <see cref="ITrigger"/>.</summary>
    public bool IsTrigger { get; init; }

    /// <summary>The inputs, in declaration order.</summary>
    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }

    /// <summary>The named outputs besides the result (a workflow used as an activity has its declared outputs).</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];
}

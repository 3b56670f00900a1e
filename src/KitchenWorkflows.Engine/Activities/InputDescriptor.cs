namespace KitchenWorkflows.Engine.Activities;

/// <summary>One input of an activity type, for validation and the property panel.</summary>
public sealed record InputDescriptor
{
    /// <summary>The JSON property name (camelCase).</summary>
    public required string Name { get; init; }

    /// <summary>The label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The value's type alias (String, Int32, Boolean, ...).</summary>
    public required string TypeName { get; init; }

    /// <summary>Help text.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether a value is required.</summary>
    public bool Required { get; init; }

    /// <summary>The editor hint.</summary>
    public required string UIHint { get; init; }

    /// <summary>Dropdown choices.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>The syntax new expressions start with.</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>The default literal text.</summary>
    public string? DefaultValue { get; init; }
}

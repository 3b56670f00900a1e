namespace KitchenWorkflows.Engine.Activities;

/// <summary>Describes an activity input for validation and for the Studio's property panel.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The label; defaults to the property name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Help text.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether a definition must give the input a value.</summary>
    public bool Required { get; init; }

    /// <summary>The editor the Studio uses; see <see cref="InputUIHints"/>.</summary>
    public string? UIHint { get; init; }

    /// <summary>The choices of a dropdown.</summary>
    public string[]? Options { get; init; }

    /// <summary>The syntax a new expression starts with in the editor.</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>The value used when the definition leaves the input empty, as literal text.</summary>
    public string? DefaultValue { get; init; }
}

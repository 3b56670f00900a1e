namespace KitchenWorkflows.Engine.Activities;

/// <summary>Declares an activity type: its JSON type name, where the Studio lists it, and its outcome ports.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName) : Attribute
{
    /// <summary>The type name written in definitions, such as <c>Elsa.WriteLine</c>.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>The palette category.</summary>
    public string Category { get; init; } = "Primitives";

    /// <summary>The name shown in the palette; defaults to the type name's last part, spaced.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The one-line description shown in the palette.</summary>
    public string Description { get; init; } = "";

    /// <summary>The outcome ports; dynamic activities override <see cref="Activity.GetOutcomes"/> instead.</summary>
    public string[] Outcomes { get; init; } = [Activity.DonePort];
}

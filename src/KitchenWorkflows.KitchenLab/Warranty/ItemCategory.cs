namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// What part of a Kitchen Lab kitchen a claim is about. The API and workflows write these as
/// kebab-case codes (<c>under-sink-module</c>); <see cref="WarrantyCodes"/> converts them.
/// </summary>
public enum ItemCategory
{
    /// <summary>A cabinet (carcass) module: <c>cabinet</c>.</summary>
    Cabinet,

    /// <summary>A facade (front, door, drawer front): <c>facade</c>.</summary>
    Facade,

    /// <summary>The worktop: <c>worktop</c>.</summary>
    Worktop,

    /// <summary>The module under the sink: <c>under-sink-module</c>.</summary>
    UnderSinkModule,

    /// <summary>A built-in appliance: <c>built-in-appliance</c>.</summary>
    BuiltInAppliance,

    /// <summary>Fittings and components (hinges, runners, handles): <c>fittings</c>.</summary>
    Fittings,

    /// <summary>Light fittings: <c>lighting</c>.</summary>
    Lighting,

    /// <summary>Electronic devices supplied with the kitchen: <c>electronics</c>.</summary>
    Electronics,

    /// <summary>Anything else: <c>other</c>.</summary>
    Other,
}

namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// The stated cause of a defect. The first twelve are the article's exclusions, in its order (see
/// <see cref="WarrantyExclusion.All"/>); then a manufacturing defect, which the warranty covers, and an
/// unknown cause, which a person reviews. The API and workflows write these as kebab-case codes
/// (<c>self-installed-sink</c>); <see cref="WarrantyCodes"/> converts them.
/// </summary>
public enum ClaimCause
{
    /// <summary>The owner's manual was not followed: <c>manual-violation</c>.</summary>
    ManualViolation,

    /// <summary>Mechanical impact or careless use: <c>mechanical-damage</c>.</summary>
    MechanicalDamage,

    /// <summary>Moisture or use in high humidity: <c>moisture</c>.</summary>
    Moisture,

    /// <summary>Heating or cooling beyond the manual's limits: <c>temperature</c>.</summary>
    Temperature,

    /// <summary>The manual's maintenance requirements were not followed: <c>maintenance-neglect</c>.</summary>
    MaintenanceNeglect,

    /// <summary>Destructive quality testing by the buyer: <c>destructive-testing</c>.</summary>
    DestructiveTesting,

    /// <summary>A built-in appliance bought from a third party: <c>third-party-appliance</c>.</summary>
    ThirdPartyAppliance,

    /// <summary>Fittings or components installed by the buyer or bought from a third party: <c>third-party-fittings</c>.</summary>
    ThirdPartyFittings,

    /// <summary>A non-standard module or element made at the buyer's request: <c>non-standard-module</c>.</summary>
    NonStandardModule,

    /// <summary>The buyer installed the sink (excludes the under-sink module and the worktop only): <c>self-installed-sink</c>.</summary>
    SelfInstalledSink,

    /// <summary>A lamp of a light fitting designed for replaceable lamps: <c>replaceable-lamp</c>.</summary>
    ReplaceableLamp,

    /// <summary>A replaceable battery or accumulator supplied with an electronic device: <c>replaceable-battery</c>.</summary>
    ReplaceableBattery,

    /// <summary>A manufacturing defect, covered while the warranty runs: <c>manufacturing-defect</c>.</summary>
    ManufacturingDefect,

    /// <summary>The cause is not known yet: <c>unknown</c>; the claim goes to a person.</summary>
    Unknown,
}

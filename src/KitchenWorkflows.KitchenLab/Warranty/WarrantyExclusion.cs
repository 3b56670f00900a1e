namespace KitchenWorkflows.KitchenLab.Warranty;

/// <summary>
/// One of the twelve cases the warranty does not cover, as the hotline article lists them under
/// "Гарантийные обязательства не распространяются:". <see cref="LabelRu"/> is the article's item word
/// for word, without its closing semicolon or full stop, so that "Гарантийные обязательства не
/// распространяются " + <see cref="LabelRu"/> is the article's own sentence.
/// </summary>
public sealed class WarrantyExclusion
{
    private WarrantyExclusion(ClaimCause cause, string labelRu, string labelEn, params ItemCategory[] onlyFor)
    {
        Cause = cause;
        Code = WarrantyCodes.ToCode(cause);
        LabelRu = labelRu;
        LabelEn = labelEn;
        OnlyFor = onlyFor;
    }

    /// <summary>The twelve exclusions in the article's order.</summary>
    public static IReadOnlyList<WarrantyExclusion> All { get; } =
    [
        new(ClaimCause.ManualViolation,
            "на недостатки, возникшие в результате нарушения требований, установленных настоящим руководством",
            "defects from breaking the requirements of the owner's manual"),
        new(ClaimCause.MechanicalDamage,
            "на случай порчи изделий в результате механических воздействий и небрежной эксплуатации",
            "damage from mechanical impact or careless use"),
        new(ClaimCause.Moisture,
            "на случай порчи изделий в результате попадания влаги или эксплуатации в условиях повышенной влажности (разбухание материалов, деформация изделий, отслаивание покрытий, в том числе кромочных покрытий, коррозия и т.п.)",
            "damage from moisture or use in high humidity (swelling, deformation, peeling coatings including edge banding, corrosion and the like)"),
        new(ClaimCause.Temperature,
            "на случаи порчи изделий при перегревании выше или охлаждении ниже норм, установленных в данном руководстве",
            "damage from heating above or cooling below the manual's limits"),
        new(ClaimCause.MaintenanceNeglect,
            "на недостатки, возникшие в результате несоблюдения и нарушения требований по техническому обслуживанию, установленных настоящим руководством",
            "defects from not following the manual's maintenance requirements"),
        new(ClaimCause.DestructiveTesting,
            "на случаи порчи изделий покупателем в момент приёмки и эксплуатации в связи с применением разрушающих методов контроля качества изделий",
            "damage by the buyer during acceptance or use through destructive quality testing"),
        new(ClaimCause.ThirdPartyAppliance,
            "на встраиваемую технику, приобретённую покупателем у третьих лиц (сторонних продавцов)",
            "built-in appliances the buyer bought from third parties"),
        new(ClaimCause.ThirdPartyFittings,
            "на фурнитуру и комплектующие, установленные покупателем самостоятельно или приобретённые у третьих лиц",
            "fittings and components the buyer installed or bought from third parties"),
        new(ClaimCause.NonStandardModule,
            "на нестандартные модули и другие составные элементы, изготавливаемые по желанию покупателя",
            "non-standard modules and elements made at the buyer's request"),
        new(ClaimCause.SelfInstalledSink,
            "на модуль под мойкой и столешницу в случае, если мойка установлена покупателем самостоятельно",
            "the under-sink module and the worktop, if the buyer installed the sink",
            ItemCategory.UnderSinkModule, ItemCategory.Worktop),
        new(ClaimCause.ReplaceableLamp,
            "на лампы, входящие в комплект светильников, если их замена предусмотрена конструкцией светильника",
            "lamps of light fittings whose design provides for replacing them"),
        new(ClaimCause.ReplaceableBattery,
            "на заменяемые элементы питания (батареи или аккумуляторные батареи), поставленные в комплекте с электронными устройствами",
            "replaceable batteries and accumulators supplied with electronic devices"),
    ];

    /// <summary>The cause this exclusion answers.</summary>
    public ClaimCause Cause { get; }

    /// <summary>The kebab-case code, such as <c>self-installed-sink</c>.</summary>
    public string Code { get; }

    /// <summary>The article's Russian wording, word for word.</summary>
    public string LabelRu { get; }

    /// <summary>An English gist of <see cref="LabelRu"/>.</summary>
    public string LabelEn { get; }

    /// <summary>
    /// The item categories the article limits this exclusion to; empty when it names none and so applies
    /// to every category. Only <see cref="ClaimCause.SelfInstalledSink"/> is limited.
    /// </summary>
    public IReadOnlyList<ItemCategory> OnlyFor { get; }

    /// <summary>The exclusion a cause names; null for <see cref="ClaimCause.ManufacturingDefect"/> and <see cref="ClaimCause.Unknown"/>.</summary>
    public static WarrantyExclusion? For(ClaimCause cause) => All.FirstOrDefault(e => e.Cause == cause);

    /// <summary>Whether the article's wording covers an item of this category.</summary>
    public bool AppliesTo(ItemCategory category) => OnlyFor.Count == 0 || OnlyFor.Contains(category);
}

using KitchenWorkflows.KitchenLab.Warranty;

namespace KitchenWorkflows.KitchenLab.Tests.Warranty;

public sealed class WarrantyExclusionTests
{
    // The items under "Гарантийные обязательства не распространяются:" in the hotline article
    // (shared/seed/kitchen-lab-hotline-article.ru.txt), copied with their closing punctuation.
    public static TheoryData<string, string> ArticleItems => new()
    {
        { "manual-violation", "на недостатки, возникшие в результате нарушения требований, установленных настоящим руководством;" },
        { "mechanical-damage", "на случай порчи изделий в результате механических воздействий и небрежной эксплуатации;" },
        { "moisture", "на случай порчи изделий в результате попадания влаги или эксплуатации в условиях повышенной влажности (разбухание материалов, деформация изделий, отслаивание покрытий, в том числе кромочных покрытий, коррозия и т.п.);" },
        { "temperature", "на случаи порчи изделий при перегревании выше или охлаждении ниже норм, установленных в данном руководстве;" },
        { "maintenance-neglect", "на недостатки, возникшие в результате несоблюдения и нарушения требований по техническому обслуживанию, установленных настоящим руководством;" },
        { "destructive-testing", "на случаи порчи изделий покупателем в момент приёмки и эксплуатации в связи с применением разрушающих методов контроля качества изделий;" },
        { "third-party-appliance", "на встраиваемую технику, приобретённую покупателем у третьих лиц (сторонних продавцов);" },
        { "third-party-fittings", "на фурнитуру и комплектующие, установленные покупателем самостоятельно или приобретённые у третьих лиц;" },
        { "non-standard-module", "на нестандартные модули и другие составные элементы, изготавливаемые по желанию покупателя;" },
        { "self-installed-sink", "на модуль под мойкой и столешницу в случае, если мойка установлена покупателем самостоятельно;" },
        { "replaceable-lamp", "на лампы, входящие в комплект светильников, если их замена предусмотрена конструкцией светильника;" },
        { "replaceable-battery", "на заменяемые элементы питания (батареи или аккумуляторные батареи), поставленные в комплекте с электронными устройствами." },
    };

    [Fact]
    public void All_InTheArticlesOrder_HasTheTwelveApiCodes()
    {
        Assert.Equal([.. ArticleItems.Select(row => (string)row[0])], WarrantyExclusion.All.Select(e => e.Code));
    }

    [Theory]
    [MemberData(nameof(ArticleItems))]
    public void LabelRu_EachExclusion_IsTheArticlesItemWordForWord(string code, string articleItem)
    {
        var exclusion = Assert.Single(WarrantyExclusion.All, e => e.Code == code);
        var closing = code == "replaceable-battery" ? "." : ";";

        Assert.Equal(articleItem, exclusion.LabelRu + closing);
        Assert.False(string.IsNullOrWhiteSpace(exclusion.LabelEn));
        Assert.Same(exclusion, WarrantyExclusion.For(exclusion.Cause));
    }

    [Theory]
    [InlineData(ClaimCause.ManufacturingDefect)]
    [InlineData(ClaimCause.Unknown)]
    public void For_CauseThatIsNoExclusion_IsNull(ClaimCause cause)
    {
        Assert.Null(WarrantyExclusion.For(cause));
    }

    [Theory]
    [InlineData(ClaimCause.SelfInstalledSink, ItemCategory.Worktop, true)]
    [InlineData(ClaimCause.SelfInstalledSink, ItemCategory.UnderSinkModule, true)]
    [InlineData(ClaimCause.SelfInstalledSink, ItemCategory.Cabinet, false)]
    [InlineData(ClaimCause.Moisture, ItemCategory.Cabinet, true)]
    [InlineData(ClaimCause.ReplaceableLamp, ItemCategory.Worktop, true)]
    public void AppliesTo_Category_OnlySelfInstalledSinkIsLimited(ClaimCause cause, ItemCategory category, bool expected)
    {
        Assert.Equal(expected, WarrantyExclusion.For(cause)!.AppliesTo(category));
    }
}

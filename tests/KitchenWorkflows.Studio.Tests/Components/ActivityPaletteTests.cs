using Bunit;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using MudBlazor;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>Published workflows usable as activities come in the server's category "Workflows", with an icon of their own.</summary>
public sealed class ActivityPaletteTests : StudioTestContext
{
    [Fact]
    public void WorkflowUsableAsActivity_ListedUnderWorkflows_WithTheWorkflowIcon()
    {
        var workflow = new ActivityTypeInfo("CheckWarranty", 3, "Check warranty", "Workflows", "A published workflow.", ["Done"], false, false, []);

        var palette = Render<ActivityPalette>(p => p.Add(c => c.Types, [TestData.Start, workflow]));

        Assert.Contains(palette.FindAll(".kw-palette__category"), c => c.TextContent == "Workflows");
        var item = palette.Find(".kw-palette__item[data-type=CheckWarranty]");
        Assert.Contains("Check warranty", item.TextContent, StringComparison.Ordinal);
        var schema = Render<MudIcon>(p => p.Add(c => c.Icon, Icons.Material.Filled.Schema));
        Assert.Equal(schema.Find("svg").InnerHtml, item.QuerySelector("svg")!.InnerHtml);
    }
}

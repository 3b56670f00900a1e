using Bunit;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>Save draft waits for a change: a save of the unchanged document stored a new version of it.</summary>
public sealed class DesignerToolbarTests : StudioTestContext
{
    [Fact]
    public void SaveDraft_WithoutAChange_IsDisabled_AndAChangeEnablesIt()
    {
        var session = new DesignerSession(TestData.TwoStep(), [TestData.Start, TestData.WriteLine]);
        var toolbar = Render<DesignerToolbar>(p => p.Add(c => c.Session, session));

        Assert.True(toolbar.Find("[data-testid=save]").HasAttribute("disabled"));

        session.AddActivity(TestData.WriteLine, new(600, 200));
        toolbar.Render();

        Assert.False(toolbar.Find("[data-testid=save]").HasAttribute("disabled"));
    }
}

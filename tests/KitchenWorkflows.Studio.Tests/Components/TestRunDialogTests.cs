using Bunit;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>After an input is renamed in the open designer, Test run offers the new name, not the one it first showed.</summary>
public sealed class TestRunDialogTests : StudioTestContext
{
    [Fact]
    public void TestRun_AfterAnInputIsRenamed_OffersTheNewName()
    {
        // Never called: the test does not press Run.
        Services.AddSingleton(new StudioApiClient(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") }));
        var definition = TestData.TwoStep();
        definition.Inputs.Add(new ParameterDefinition { Name = "callerKind", TypeName = "String" });
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        // Opened after the first render, as the toolbar's button opens it.
        var dialog = Render<TestRunDialog>(p => p.Add(c => c.Definition, definition).Add(c => c.Open, false));
        dialog.Render(p => p.Add(c => c.Definition, definition).Add(c => c.Open, true));
        provider.WaitForAssertion(() => Assert.Contains("\"callerKind\"", RunInput(provider), StringComparison.Ordinal));

        definition.Inputs[0].Name = "kind";
        dialog.Render(p => p.Add(c => c.Definition, definition).Add(c => c.Open, true));

        provider.WaitForAssertion(() =>
        {
            var input = RunInput(provider);
            Assert.Contains("\"kind\"", input, StringComparison.Ordinal);
            Assert.DoesNotContain("callerKind", input, StringComparison.Ordinal);
        });
    }

    private static string RunInput(IRenderedComponent<MudDialogProvider> provider)
    {
        var area = provider.Find("textarea[data-testid=run-input]");
        return area.GetAttribute("value") ?? area.TextContent;
    }
}

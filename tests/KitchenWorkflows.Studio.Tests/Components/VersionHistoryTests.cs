using Bunit;
using KitchenWorkflows.Studio.Api;
using KitchenWorkflows.Studio.Components.Designer;
using KitchenWorkflows.Testing.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Studio.Tests.Components;

/// <summary>
/// The history offers the versions the store has, not 1 to the latest (an imported definition begins at its file's
/// version), and a compare the server refuses is said in the panel instead of ending the circuit, which lost the
/// unsaved edits on the canvas.
/// </summary>
public sealed class VersionHistoryTests : StudioTestContext
{
    // The panel asks a real server (the stand-in); a first request on a loaded machine takes longer than bUnit's 1 s.
    private static readonly TimeSpan ServerAnswer = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task History_OfADefinitionThatBeginsAtVersion2_OffersOnlyItsVersions()
    {
        await using var api = await StartAsync();

        var history = Render<VersionHistory>(p => p.Add(c => c.DefinitionId, "imported").Add(c => c.LatestVersion, 3).Add(c => c.ShownVersion, 3));

        history.WaitForAssertion(() => Assert.Equal(["v2", "v3"], history.Find("[data-testid=compare-from]").Children.Select(o => o.TextContent)), ServerAnswer);
        Assert.Equal(["v2", "v3"], history.Find("[data-testid=compare-to]").Children.Select(o => o.TextContent));
        Assert.Equal("2", history.Find("[data-testid=compare-from]").GetAttribute("value"));
        Assert.Equal("3", history.Find("[data-testid=compare-to]").GetAttribute("value"));
    }

    [Fact]
    public async Task Compare_WhenTheServerRefusesAVersion_SaysSoAndTheComponentLives()
    {
        await using var api = await StartAsync();
        var history = Render<VersionHistory>(p => p.Add(c => c.DefinitionId, "imported").Add(c => c.LatestVersion, 3).Add(c => c.ShownVersion, 3));
        history.WaitForAssertion(() => Assert.Equal(2, history.Find("[data-testid=compare-from]").Children.Length), ServerAnswer);

        await history.Find("[data-testid=compare]").ClickAsync(new());

        history.WaitForAssertion(() => Assert.Contains("v2 and v3 could not be compared", history.Find("[data-testid=compare-error]").TextContent, StringComparison.Ordinal), ServerAnswer);
    }

    private async Task<VersionsStandIn> StartAsync()
    {
        var api = new VersionsStandIn();
        await api.StartAsync();
        Services.AddSingleton(new StudioApiClient(new HttpClient { BaseAddress = api.BaseUrl }));
        return api;
    }

    // The server's two answers the panel needs: versions 3 and 2, and a version read that fails as a gone version does.
    private sealed class VersionsStandIn : StandInServer
    {
        protected override void Map(WebApplication app)
        {
            app.MapGet("/api/workflow-definitions/{id}/versions", () => Results.Json(new[]
            {
                new { version = 3, isLatest = true, isPublished = false, updatedAt = DateTimeOffset.UnixEpoch },
                new { version = 2, isLatest = false, isPublished = true, updatedAt = DateTimeOffset.UnixEpoch },
            }));
            app.MapGet("/api/workflow-definitions/{id}", () => Results.Problem(statusCode: 404, title: "Not found.", detail: "Workflow 'imported' has no version '2'."));
        }
    }
}

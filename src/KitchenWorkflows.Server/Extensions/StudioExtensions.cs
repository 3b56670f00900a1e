using KitchenWorkflows.Server.Auth;
using KitchenWorkflows.Studio;
using KitchenWorkflows.Studio.Components;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>Hosts the Studio (the Blazor designer) at <c>/studio</c>; it talks to this server over the public HTTP API.</summary>
internal static class StudioExtensions
{
    public static void AddStudio(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddKitchenWorkflowsStudio();
        // A build-output run outside Development would otherwise answer 500 for every _content asset:
        // the static web assets manifest points into the package cache and the project folders.
        builder.WebHost.UseStaticWebAssets();
    }

    public static void MapStudio(this WebApplication app)
    {
        app.UseAntiforgery();
        // Scripts, styles and fonts are public files; the sign-in page needs none, the Studio's pages are what is guarded.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Policies.Studio);
    }
}

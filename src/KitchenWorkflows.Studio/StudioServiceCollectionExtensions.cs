using KitchenWorkflows.Studio.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace KitchenWorkflows.Studio;

/// <summary>Registers the Studio's services: MudBlazor and the API client.</summary>
public static class StudioServiceCollectionExtensions
{
    public const string HttpClientName = "KitchenWorkflows.Studio";

    public static IServiceCollection AddKitchenWorkflowsStudio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Messages appear bottom-left, clear of the designer's toolbar and property panel.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.SectionName);
        services.AddHttpClient(HttpClientName);
        // Scoped to the circuit: the base address comes from the address this user opened the Studio at.
        services.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            http.BaseAddress = sp.GetRequiredService<IOptions<StudioOptions>>().Value.ApiBaseUrl
                ?? new Uri(sp.GetRequiredService<NavigationManager>().BaseUri);
            return new StudioApiClient(http);
        });
        return services;
    }
}
